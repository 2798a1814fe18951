using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Tests.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>
/// The third store operation of <c>loanwebhooks.idempotency_store.errors</c>: a store that cannot give a failed
/// delivery's claim back is counted, so the alert on store errors sees redeliveries that will be refused until the
/// claim expires.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ReleaseFailureTelemetryTests
{
    [Fact]
    public async Task A_release_the_store_throws_on_is_counted_as_a_release_store_error_and_marks_the_release_activity()
    {
        var store = new ScriptedIdempotencyStore(TimeProvider.System) { ReleaseThrows = true };
        await using var host = new DispatchTestHost(b => b.AddHandler<FailingLoanPaidOffHandler>(), servicesBefore: s => s.AddSingleton<IWebhookIdempotencyStore>(store));
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off"));

        var error = Assert.Single(telemetry.StoreErrors.GetMeasurementSnapshot());
        Assert.Equal(1, error.Value);
        Assert.Equal(
            new[] { ("error.type", (object?)typeof(TimeoutException).FullName), ("webhook.idempotency_store.operation", "release"), ("webhook.provider", "Payitoff") },
            error.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value)));
        Activity release = telemetry.Single("loanwebhooks.release");
        Assert.Equal(ActivityStatusCode.Error, release.Status);
        Assert.Equal(typeof(TimeoutException).FullName, release.GetTagItem("error.type"));
        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("failed", delivery.Tags["webhook.outcome"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, delivery.Tags["error.type"]);
    }
}
