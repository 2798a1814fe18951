using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Diagnostics;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Tests.Dispatch;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>One activity per delivery, its stages as children, and the handlers' own spans under their stage.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class DeliveryActivityTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public void The_source_and_the_meter_are_named_after_the_package_and_carry_its_version()
    {
        string version = typeof(WebhookTelemetry).Assembly.GetName().Version!.ToString(3);

        Assert.Equal("LoanWebhooks.Sdk", WebhookTelemetry.Source.Name);
        Assert.Equal("LoanWebhooks.Sdk", WebhookTelemetry.Meter.Name);
        Assert.StartsWith(version, WebhookTelemetry.Source.Version, StringComparison.Ordinal);
        Assert.Equal(WebhookTelemetry.Source.Version, WebhookTelemetry.Meter.Version);
        Assert.DoesNotContain('+', WebhookTelemetry.Version);
    }

    [Fact]
    public async Task An_accepted_delivery_is_one_dispatch_activity_with_verify_parse_claim_handler_and_complete_children()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        Activity dispatch = telemetry.Single("loanwebhooks.dispatch");
        Assert.Equal(ActivityKind.Internal, dispatch.Kind);
        Assert.Equal("Payitoff", dispatch.GetTagItem("webhook.provider"));
        Assert.Equal("dispatch", dispatch.GetTagItem("webhook.operation"));
        Assert.Equal("loan.paid_off", dispatch.GetTagItem("webhook.event_type"));
        Assert.Equal("exact", dispatch.GetTagItem("webhook.event_match"));
        Assert.Equal("accepted", dispatch.GetTagItem("webhook.outcome"));
        Assert.Equal(200, dispatch.GetTagItem("http.response.status_code"));
        Assert.Equal(1, dispatch.GetTagItem("webhook.handlers_run"));
        Assert.Equal(ActivityStatusCode.Unset, dispatch.Status);
        Assert.Equal(
            new[] { "loanwebhooks.verify", "loanwebhooks.parse", "loanwebhooks.claim", "loanwebhooks.handler", "loanwebhooks.complete" },
            telemetry.Activities.Where(a => a.ParentSpanId == dispatch.SpanId).OrderBy(a => a.StartTimeUtc).Select(a => a.OperationName));
        Assert.Equal("none", telemetry.Single("loanwebhooks.verify").GetTagItem("webhook.verification.reason"));
        Assert.Equal("loan.paid_off", telemetry.Single("loanwebhooks.parse").GetTagItem("webhook.event_type"));
        Assert.Equal("claimed", telemetry.Single("loanwebhooks.claim").GetTagItem("webhook.claim.status"));
        Assert.Equal(typeof(EveryEventHandler).FullName, telemetry.Single("loanwebhooks.handler").GetTagItem("webhook.handler.type"));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_handlers_own_spans_nest_under_its_handler_activity()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<TracingHandler>());
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        Activity handler = telemetry.Single("loanwebhooks.handler");
        Assert.Equal(handler.SpanId, TracingHandler.LastParentSpan);
        Assert.Equal(telemetry.Single("loanwebhooks.dispatch").TraceId, handler.TraceId);
    }

    [Fact]
    public async Task A_rejected_delivery_carries_the_rejection_and_verification_reasons_and_no_event()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: "guessed-secret"));

        Activity dispatch = telemetry.Single("loanwebhooks.dispatch");
        Assert.Equal("rejected", dispatch.GetTagItem("webhook.outcome"));
        Assert.Equal("verification_failed", dispatch.GetTagItem("webhook.rejection.reason"));
        Assert.Equal("invalid_credential", dispatch.GetTagItem("webhook.verification.reason"));
        Assert.Equal(503, dispatch.GetTagItem("http.response.status_code"));
        Assert.Null(dispatch.GetTagItem("webhook.event_type"));
        Assert.Equal("invalid_credential", telemetry.Single("loanwebhooks.verify").GetTagItem("webhook.verification.reason"));
        Assert.DoesNotContain(telemetry.Activities, a => a.OperationName == "loanwebhooks.parse");
    }

    [Fact]
    public async Task A_failing_handler_marks_its_activity_and_the_delivery_as_errors_and_the_claim_release_is_traced()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<FailingLoanPaidOffHandler>());
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        Activity dispatch = telemetry.Single("loanwebhooks.dispatch");
        Activity handler = telemetry.Single("loanwebhooks.handler");
        Assert.Equal(ActivityStatusCode.Error, dispatch.Status);
        Assert.Equal("failed", dispatch.GetTagItem("webhook.outcome"));
        Assert.Equal(typeof(InvalidOperationException).FullName, dispatch.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, handler.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, handler.GetTagItem("error.type"));
        Assert.Equal(dispatch.SpanId, telemetry.Single("loanwebhooks.release").ParentSpanId);
    }

    [Fact]
    public async Task A_quarantined_delivery_carries_the_parse_error_reason_and_whether_it_was_stored()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, "{ \"data\": null }"u8.ToArray()));

        Activity dispatch = telemetry.Single("loanwebhooks.dispatch");
        Assert.Equal("quarantined", dispatch.GetTagItem("webhook.outcome"));
        Assert.Equal("missing_discriminator", dispatch.GetTagItem("webhook.parse_error.reason"));
        Assert.Equal(true, dispatch.GetTagItem("webhook.quarantine.stored"));
        Assert.Equal("missing_discriminator", telemetry.Single("loanwebhooks.parse").GetTagItem("webhook.parse_error.reason"));
    }

    [Fact]
    public async Task A_store_that_throws_on_a_claim_marks_the_claim_activity_as_an_error()
    {
        var store = new ScriptedIdempotencyStore(TimeProvider.System) { ClaimThrows = true };
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), servicesBefore: s => s.AddSingleton<IWebhookIdempotencyStore>(store));
        using var telemetry = new TelemetryCapture();

        await host.DispatchAsync(LoanPaidOff);

        Activity claim = telemetry.Single("loanwebhooks.claim");
        Assert.Equal(ActivityStatusCode.Error, claim.Status);
        Assert.Equal(typeof(TimeoutException).FullName, claim.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Admission_and_background_processing_are_two_activities_named_for_their_operation()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));
        await host.Dispatcher.ProcessAsync(admission);

        Assert.Equal("deferred", telemetry.Single("loanwebhooks.admit").GetTagItem("webhook.outcome"));
        Assert.Equal(202, telemetry.Single("loanwebhooks.admit").GetTagItem("http.response.status_code"));
        Assert.Equal("accepted", telemetry.Single("loanwebhooks.process").GetTagItem("webhook.outcome"));
        Assert.Equal(telemetry.Single("loanwebhooks.process").SpanId, telemetry.Single("loanwebhooks.handler").ParentSpanId);
    }

    [Fact]
    public async Task Background_processing_links_to_the_activity_its_delivery_was_admitted_in()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();

        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));
        await host.Dispatcher.ProcessAsync(admission);

        Activity admit = telemetry.Single("loanwebhooks.admit");
        var link = Assert.Single(telemetry.Single("loanwebhooks.process").Links);
        Assert.Equal(admit.TraceId, link.Context.TraceId);
        Assert.Equal(admit.SpanId, link.Context.SpanId);
    }

    [Fact]
    public async Task A_delivery_dispatched_inside_a_request_span_joins_its_trace()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var telemetry = new TelemetryCapture();
        using var request = new Activity("request").Start();

        await host.DispatchAsync(LoanPaidOff);

        Activity dispatch = telemetry.Single("loanwebhooks.dispatch");
        Assert.Equal(request.TraceId, dispatch.TraceId);
        Assert.Equal(request.SpanId, dispatch.ParentSpanId);
        Assert.Same(request, Activity.Current);
    }

    public sealed class TracingHandler : IWebhookHandler<PayitoffLoanPaidOffEvent>
    {
        public static ActivitySpanId LastParentSpan { get; private set; }

        public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
        {
            LastParentSpan = Activity.Current?.SpanId ?? default;
            return ValueTask.CompletedTask;
        }
    }
}
