using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LoanWebhooks.Sdk.AspNetCore.Background;

/// <summary>
/// Runs the handlers of queued deliveries. On shutdown it stops taking new ones and drains the queue; when the
/// host's shutdown timeout runs out, it cancels the running handlers and gives the rest back to the idempotency
/// store, so their redeliveries are processed.
/// </summary>
internal sealed class WebhookBackgroundService : BackgroundService
{
    private readonly WebhookBackgroundQueue _queue;
    private readonly IWebhookDispatcher _dispatcher;
    private readonly int _maxConcurrency;
    private readonly CancellationTokenSource _abort = new();
    private readonly TimeSpan _shutdownTimeout;

    public WebhookBackgroundService(WebhookBackgroundQueue queue, IWebhookDispatcher dispatcher, IOptions<WebhookBackgroundOptions> options, IOptions<HostOptions> host)
    {
        _queue = queue;
        _dispatcher = dispatcher;
        _maxConcurrency = options.Value.MaxConcurrency;
        _shutdownTimeout = host.Value.ShutdownTimeout;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The server has stopped taking requests by now; drain what they queued.
        _queue.Close();

        // The host may give up on its shutdown timeout without cancelling this token (seen on .NET 10), and then
        // dispose the store: give the rest back a little earlier, while the store can still be told.
        if (_shutdownTimeout > TimeSpan.Zero)
        {
            _abort.CancelAfter(_shutdownTimeout * 0.8);
        }

        using (cancellationToken.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort))
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    // Not tied to stoppingToken: stopping means draining, which StopAsync bounds.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _maxConcurrency).Select(_ => Task.Run(DrainAsync, CancellationToken.None)));

    private async Task DrainAsync()
    {
        await foreach (WebhookAdmission admission in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (_abort.IsCancellationRequested)
            {
                await _dispatcher.AbandonAsync(admission, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            // Never throws for a handler failure: the dispatcher logs it and releases the claim.
            await _dispatcher.ProcessAsync(admission, _abort.Token).ConfigureAwait(false);
        }
    }
}
