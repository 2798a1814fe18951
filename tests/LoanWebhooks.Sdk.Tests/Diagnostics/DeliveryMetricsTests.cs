using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Tests.Dispatch;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>Each outcome of a delivery, and the instruments and tags it records.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class DeliveryMetricsTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public async Task An_accepted_delivery_is_counted_with_provider_operation_event_type_match_outcome_and_status()
    {
        using var telemetry = new TelemetryCapture();
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal(1, delivery.Value);
        AssertTags(delivery, new()
        {
            ["webhook.provider"] = "Payitoff",
            ["webhook.operation"] = "dispatch",
            ["webhook.event_type"] = "loan.paid_off",
            ["webhook.event_match"] = "exact",
            ["webhook.outcome"] = "accepted",
            ["http.response.status_code"] = 200,
        });
        var duration = Assert.Single(telemetry.Duration.GetMeasurementSnapshot());
        Assert.Equal(result.Duration.TotalSeconds, duration.Value);
        AssertTags(duration, new()
        {
            ["webhook.provider"] = "Payitoff",
            ["webhook.operation"] = "dispatch",
            ["webhook.event_type"] = "loan.paid_off",
            ["webhook.outcome"] = "accepted",
        });
        Assert.Equal("s", telemetry.Duration.Instrument!.Unit);
    }

    [Fact]
    public async Task A_duplicate_is_counted_as_a_delivery_and_as_a_duplicate()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        await host.DispatchAsync(LoanPaidOff);
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        Assert.Equal("duplicate", Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot()).Tags["webhook.outcome"]);
        var duplicate = Assert.Single(telemetry.Duplicates.GetMeasurementSnapshot());
        AssertTags(duplicate, new() { ["webhook.provider"] = "Payitoff", ["webhook.event_type"] = "loan.paid_off" });
    }

    [Fact]
    public async Task A_delivery_refused_while_in_progress_is_counted_with_its_503()
    {
        var store = new ScriptedIdempotencyStore(TimeProvider.System) { AnswerInProgress = true };
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), servicesBefore: s => s.AddSingleton<IWebhookIdempotencyStore>(store));
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("in_progress", delivery.Tags["webhook.outcome"]);
        Assert.Equal(503, delivery.Tags["http.response.status_code"]);
        AssertTags(Assert.Single(telemetry.InProgressRefusals.GetMeasurementSnapshot()), new() { ["webhook.provider"] = "Payitoff", ["webhook.event_type"] = "loan.paid_off" });
    }

    [Fact]
    public async Task A_verification_failure_is_counted_by_reason_and_the_delivery_as_rejected()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: null));
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: "guessed-secret"));

        Assert.Equal(
            new[] { "missing_credential", "invalid_credential" },
            telemetry.VerificationFailures.GetMeasurementSnapshot().Select(m => m.Tags["webhook.verification.reason"]));
        Assert.All(telemetry.VerificationFailures.GetMeasurementSnapshot(), m => Assert.Equal("Payitoff", m.Tags["webhook.provider"]));
        Assert.All(telemetry.Deliveries.GetMeasurementSnapshot(), m => AssertTags(m, new()
        {
            ["webhook.provider"] = "Payitoff",
            ["webhook.operation"] = "dispatch",
            ["webhook.event_type"] = "_OTHER",
            ["webhook.outcome"] = "rejected",
            ["webhook.rejection.reason"] = "verification_failed",
            ["http.response.status_code"] = 503,
        }));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_counted_as_rejected_with_413()
    {
        await using var host = new DispatchTestHost(b => b.AddPayitoff(o => o.Parsing.MaxBodyBytes = 64));
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("body_too_large", delivery.Tags["webhook.rejection.reason"]);
        Assert.Equal(413, delivery.Tags["http.response.status_code"]);
        Assert.Empty(telemetry.VerificationFailures.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_provider_that_is_not_configured_is_counted_as_rejected_with_404()
    {
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => b.AddPayitoff(o => o.UseBasicAuthentication("user", "password")));
        await using var provider = services.BuildServiceProvider();
        using var telemetry = new TelemetryCapture();

        await provider.GetRequiredService<IWebhookDispatcher>().DispatchAsync(DispatchTestHost.Delivery(DispatchTestHost.Sample(WebhookProvider.Canopy, "account_delinquency")));

        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("Canopy", delivery.Tags["webhook.provider"]);
        Assert.Equal("provider_not_configured", delivery.Tags["webhook.rejection.reason"]);
        Assert.Equal(404, delivery.Tags["http.response.status_code"]);
    }

    [Fact]
    public async Task A_handler_failure_is_counted_as_failed_with_the_exception_type()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<FailingLoanPaidOffHandler>());
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("failed", delivery.Tags["webhook.outcome"]);
        Assert.Equal(500, delivery.Tags["http.response.status_code"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, delivery.Tags["error.type"]);
        Assert.Empty(telemetry.StoreErrors.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_claim_the_store_throws_on_is_a_store_error_and_a_failed_delivery()
    {
        var store = new ScriptedIdempotencyStore(TimeProvider.System) { ClaimThrows = true };
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), servicesBefore: s => s.AddSingleton<IWebhookIdempotencyStore>(store));
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        AssertTags(Assert.Single(telemetry.StoreErrors.GetMeasurementSnapshot()), new()
        {
            ["webhook.provider"] = "Payitoff",
            ["webhook.idempotency_store.operation"] = "claim",
            ["error.type"] = typeof(TimeoutException).FullName,
        });
        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("failed", delivery.Tags["webhook.outcome"]);
        Assert.Equal(typeof(TimeoutException).FullName, delivery.Tags["error.type"]);
    }

    [Fact]
    public async Task A_completion_the_store_throws_on_is_a_store_error_of_an_accepted_delivery()
    {
        var store = new ScriptedIdempotencyStore(TimeProvider.System) { CompletionsThatThrow = 1 };
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), servicesBefore: s => s.AddSingleton<IWebhookIdempotencyStore>(store));
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        Assert.Equal("complete", Assert.Single(telemetry.StoreErrors.GetMeasurementSnapshot()).Tags["webhook.idempotency_store.operation"]);
        Assert.Equal("accepted", Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot()).Tags["webhook.outcome"]);
    }

    [Fact]
    public async Task A_verified_body_that_does_not_fit_its_schema_is_counted_as_quarantined_by_parse_error_reason()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, Encoding.UTF8.GetBytes("""{ "event_type": "loan.paid_off", "data": 42 }""")));

        AssertTags(Assert.Single(telemetry.Quarantined.GetMeasurementSnapshot()), new()
        {
            ["webhook.provider"] = "Payitoff",
            ["webhook.operation"] = "dispatch",
            ["webhook.parse_error.reason"] = "schema_mismatch",
            ["webhook.quarantine.stored"] = true,
        });
        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("quarantined", delivery.Tags["webhook.outcome"]);
        Assert.Equal("schema_drift", delivery.Tags["webhook.rejection.reason"]);
    }

    [Fact]
    public async Task An_unknown_event_type_is_counted_by_its_name_while_deliveries_tag_it_as_other()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, Renamed("loan.refinanced.v2")));

        AssertTags(Assert.Single(telemetry.UnknownEventTypes.GetMeasurementSnapshot()), new() { ["webhook.provider"] = "Payitoff", ["webhook.event_type"] = "loan.refinanced.v2" });
        var delivery = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("accepted", delivery.Tags["webhook.outcome"]);
        Assert.Equal("_OTHER", delivery.Tags["webhook.event_type"]);
        Assert.Equal("unknown", delivery.Tags["webhook.event_match"]);
    }

    [Theory]
    [InlineData("loan paid off by John Smith")]
    [InlineData("an-event-type-name-that-goes-on-and-on-for-more-than-sixty-four-chars")]
    [InlineData("")]
    public async Task An_unknown_event_type_that_is_not_a_plain_name_is_counted_as_other(string eventType)
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, Renamed(eventType)));

        Assert.Equal(WebhookEventMatch.Unknown, result.Event!.Match);
        Assert.Equal("_OTHER", Assert.Single(telemetry.UnknownEventTypes.GetMeasurementSnapshot()).Tags["webhook.event_type"]);
    }

    [Fact]
    public async Task An_admitted_delivery_is_counted_as_deferred_and_its_background_processing_as_accepted()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));
        await host.Dispatcher.ProcessAsync(admission);

        Assert.Equal(
            new[] { ("admit", "deferred", (object?)202), ("process", "accepted", 200) },
            telemetry.Deliveries.GetMeasurementSnapshot().Select(m => ((string)m.Tags["webhook.operation"]!, (string)m.Tags["webhook.outcome"]!, m.Tags["http.response.status_code"])));
    }

    [Fact]
    public async Task Nothing_is_recorded_without_a_listener_and_the_delivery_is_unchanged()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.False(Sdk.Diagnostics.WebhookTelemetry.IsObserved);
        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
    }

    private static byte[] Renamed(string eventType) =>
        Encoding.UTF8.GetBytes(LoanPaidOff.BodyText.Replace("\"loan.paid_off\"", "\"" + eventType + "\"", StringComparison.Ordinal));

    private static void AssertTags<T>(CollectedMeasurement<T> measurement, Dictionary<string, object?> expected)
        where T : struct =>
        Assert.Equal(expected.OrderBy(t => t.Key), measurement.Tags.OrderBy(t => t.Key));
}
