using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The two-step API a host uses to answer the provider first and run the handlers later.</summary>
public sealed class AdmissionTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public async Task Admitting_verifies_parses_and_claims_but_runs_no_handler_and_suggests_202()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());

        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));

        Assert.True(admission.IsAdmitted);
        Assert.Equal(WebhookDispatchOutcome.Accepted, admission.Result.Outcome);
        Assert.Equal(202, admission.Result.StatusCode);
        Assert.True(admission.Result.HandlersDeferred);
        Assert.Equal("loan.paid_off", admission.Event!.EventType);
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task Processing_an_admission_runs_the_handlers_and_completes_the_claim()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));

        var result = await host.Dispatcher.ProcessAsync(admission);
        var redelivery = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(1, result.HandlersRun);
        Assert.False(redelivery.IsAdmitted);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, redelivery.Result.Outcome);
    }

    [Fact]
    public async Task A_second_delivery_while_the_first_waits_in_a_queue_is_in_progress()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        var queued = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));

        var second = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));

        Assert.True(queued.IsAdmitted);
        Assert.Equal(WebhookDispatchOutcome.InProgress, second.Result.Outcome);
        Assert.Equal(503, second.Result.StatusCode);
    }

    [Fact]
    public async Task Processing_an_admission_twice_throws()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));
        await host.Dispatcher.ProcessAsync(admission);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Dispatcher.ProcessAsync(admission).AsTask());
        Assert.Single(host.Calls.All);
    }

    [Fact]
    public async Task Abandoning_an_admission_releases_the_claim_so_a_redelivery_is_processed()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        var abandoned = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));

        await host.Dispatcher.AbandonAsync(abandoned);
        var redelivery = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff));

        Assert.Equal(WebhookDispatchOutcome.Accepted, redelivery.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(LoanPaidOffHandler)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Dispatcher.ProcessAsync(abandoned).AsTask());
    }

    [Fact]
    public async Task A_rejected_delivery_is_not_admitted_and_processing_it_returns_its_result()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        var rejected = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: null));

        var result = await host.Dispatcher.ProcessAsync(rejected);

        Assert.False(rejected.IsAdmitted);
        Assert.Equal(rejected.Result, result);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, result.RejectionReason);
        Assert.Equal(503, result.StatusCode);
    }
}
