using System;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.AspNetCore.Background;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.Hosting;

namespace LoanWebhooks.Sdk.AspNetCore.Diagnostics;

/// <summary>
/// The background queue's gauges on the <c>LoanWebhooks.Sdk</c> meter: <c>loanwebhooks.background_queue.length</c>
/// and <c>loanwebhooks.background_queue.oldest_entry.age</c>. Observed only when a listener collects them. A hosted
/// service so that the gauges exist as soon as the host starts and go with it.
/// </summary>
internal sealed class WebhookBackgroundQueueMetrics : IHostedService, IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public WebhookBackgroundQueueMetrics(WebhookBackgroundQueue queue, IMeterFactory? meters = null, TimeProvider? time = null)
    {
        TimeProvider clock = time ?? TimeProvider.System;
        var options = new MeterOptions(MeterName) { Version = typeof(IWebhookDispatcher).Assembly.GetName().Version?.ToString(3) };
        _ownsMeter = meters is null;
        _meter = meters?.Create(options) ?? new Meter(options);
        _meter.CreateObservableGauge(
            "loanwebhooks.background_queue.length",
            () => queue.Reader.Count,
            "{delivery}",
            "Admitted deliveries waiting in the background queue for their handlers.");
        _meter.CreateObservableGauge(
            "loanwebhooks.background_queue.oldest_entry.age",
            () => queue.Reader.TryPeek(out WebhookAdmission? oldest) ? Math.Max(0, (clock.GetUtcNow() - oldest.ReceivedAt).TotalSeconds) : 0,
            "s",
            "How long the oldest delivery in the background queue has waited since it was received; 0 when the queue is empty.");
    }

    /// <summary>The meter's name: the same as the core SDK's, so one <c>AddMeter("LoanWebhooks.Sdk")</c> collects both.</summary>
    public const string MeterName = "LoanWebhooks.Sdk";

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A meter from the host's <see cref="IMeterFactory"/> goes with the factory; one of its own is disposed here.</summary>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
