using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.AspNetCore.Background;
using LoanWebhooks.Sdk.AspNetCore.Diagnostics;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests.Diagnostics;

/// <summary><c>AddLoanWebhooksHealthChecks()</c>: providers verified, stores answering, background queue not saturated.</summary>
public sealed class HealthCheckTests
{
    private const string Header = "X-Test-Secret";
    private const string Secret = "health-check-test-secret-0123456789";

    [Fact]
    public async Task A_host_with_verified_providers_working_stores_and_no_queue_is_healthy()
    {
        await using var services = Build(b => b.AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret)));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(
            new[] { "loanwebhooks-background-queue", "loanwebhooks-providers", "loanwebhooks-stores" },
            report.Entries.Keys.Order());
        Assert.All(report.Entries.Values, e => Assert.Contains("loanwebhooks", e.Tags));
    }

    [Fact]
    public async Task A_provider_without_a_verifier_fails_the_providers_check_by_name()
    {
        await using var services = Build(b => b
            .AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret))
            .AddCanopy(o => o.AllowUnverifiedRequestsForDevelopmentOnly()));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var providers = report.Entries["loanwebhooks-providers"];
        Assert.Equal(HealthStatus.Unhealthy, providers.Status);
        Assert.Contains("Canopy", providers.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Payitoff", providers.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failure_status_is_the_one_the_app_asks_for()
    {
        await using var services = Build(b => b.AddCanopy(o => o.AllowUnverifiedRequestsForDevelopmentOnly()), failureStatus: HealthStatus.Degraded);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, report.Entries["loanwebhooks-providers"].Status);
    }

    [Fact]
    public async Task An_idempotency_store_that_throws_fails_the_stores_check_without_its_message()
    {
        await using var services = Build(
            b => b.AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret)).UseIdempotencyStore<UnreachableStore>());

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var stores = report.Entries["loanwebhooks-stores"];
        Assert.Equal(HealthStatus.Unhealthy, stores.Status);
        Assert.Contains("idempotency store", stores.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(UnreachableStore.Message, stores.Description, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(stores.Exception);
    }

    [Fact]
    public async Task The_stores_check_leaves_no_claim_behind()
    {
        await using var services = Build(b => b.AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret)));
        var health = services.GetRequiredService<HealthCheckService>();

        var first = await health.CheckHealthAsync();
        var second = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, first.Entries["loanwebhooks-stores"].Status);
        Assert.Equal(HealthStatus.Healthy, second.Entries["loanwebhooks-stores"].Status);
        Assert.Equal(0, services.GetRequiredService<IWebhookIdempotencyStore>() is InMemoryWebhookIdempotencyStore store ? store.Count : -1);
    }

    [Theory]
    [InlineData(5, HealthStatus.Healthy)]
    [InlineData(9, HealthStatus.Degraded)]
    [InlineData(10, HealthStatus.Unhealthy)]
    public async Task The_background_queue_is_degraded_from_90_per_cent_and_failed_when_full(int queued, HealthStatus expected)
    {
        await using var services = Build(b => b
            .AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret).DeduplicateIdenticalBodies())
            .ProcessInBackground(o => o.QueueCapacity = 10));
        await Enqueue(services, queued);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var queue = report.Entries["loanwebhooks-background-queue"];
        Assert.Equal(expected, queue.Status);
        Assert.Equal(queued, queue.Data["length"]);
        Assert.Equal(10, queue.Data["capacity"]);
    }

    [Fact]
    public async Task The_background_queue_gauges_report_its_length_and_the_age_of_its_oldest_entry()
    {
        var time = new SteppingTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var services = Build(
            b => b.AddPayitoff(o => o.UseSharedSecretHeader(Header, Secret).DeduplicateIdenticalBodies()).ProcessInBackground(o => o.QueueCapacity = 10),
            configure: s => s.AddSingleton<TimeProvider>(time).AddMetrics());
        using var metrics = services.GetServices<IHostedService>().OfType<WebhookBackgroundQueueMetrics>().Single();
        var observed = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "LoanWebhooks.Sdk" && instrument.Name.StartsWith("loanwebhooks.background_queue.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => observed[instrument.Name + " " + instrument.Unit] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => observed[instrument.Name + " " + instrument.Unit] = value);
        listener.Start();
        await Enqueue(services, 3);
        time.Advance(TimeSpan.FromSeconds(42));

        listener.RecordObservableInstruments();

        Assert.Equal(3, observed["loanwebhooks.background_queue.length {delivery}"]);
        // Received a few milliseconds after the clock's origin: the dispatcher dates receipt on the monotonic clock.
        Assert.InRange(observed["loanwebhooks.background_queue.oldest_entry.age s"], 41.5, 42.5);
    }

    private static ServiceProvider Build(Action<LoanWebhooksBuilder> webhooks, HealthStatus? failureStatus = null, Action<IServiceCollection>? configure = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        configure?.Invoke(collection);
        collection.AddLoanWebhooks(webhooks);
        collection.AddHealthChecks().AddLoanWebhooksHealthChecks(failureStatus);
        return collection.BuildServiceProvider();
    }

    /// <summary>Admits distinct Payitoff deliveries straight into the queue (no background service drains it here).</summary>
    private static async Task Enqueue(IServiceProvider services, int count)
    {
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();
        var queue = services.GetRequiredService<WebhookBackgroundQueue>();
        var sample = DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off");
        for (int i = 0; i < count; i++)
        {
            byte[] body = System.Text.Encoding.UTF8.GetBytes(sample.BodyText.Replace("{", "{ \"n\": " + i + ",", StringComparison.Ordinal));
            var headers = new WebhookHeaders(new[] { KeyValuePair.Create(Header, (string?)Secret) });
            var admission = await dispatcher.AdmitAsync(new WebhookDelivery(WebhookProvider.Payitoff, body, headers, remoteIpAddress: null));
            Assert.True(admission.IsAdmitted, admission.ToString());
            Assert.True(await queue.TryEnqueueAsync(admission, CancellationToken.None));
        }
    }

    private sealed class UnreachableStore : IWebhookIdempotencyStore
    {
        public const string Message = "redis-password-in-a-connection-string";

        public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default) =>
            throw new TimeoutException(Message);

        public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => throw new TimeoutException(Message);

        public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => throw new TimeoutException(Message);
    }

    private sealed class SteppingTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
