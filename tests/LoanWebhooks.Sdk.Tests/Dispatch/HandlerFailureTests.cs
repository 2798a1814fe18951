using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

public sealed class HandlerFailureTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public async Task A_throwing_handler_fails_the_delivery_with_500_and_the_exception_instead_of_throwing()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<FailingLoanPaidOffHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.False(result.IsSuccess);
        Assert.Equal("handler broke", Assert.IsType<InvalidOperationException>(result.Exception).Message);
        Assert.Equal(typeof(FailingLoanPaidOffHandler), result.FailedHandlerType);
        Assert.NotNull(result.Event);
    }

    [Fact]
    public async Task After_a_failure_the_claim_is_released_so_the_redelivery_runs_the_handlers_again()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<FailingLoanPaidOffHandler>());
        await host.DispatchAsync(LoanPaidOff);
        host.Services.GetRequiredService<FailureSwitch>().Fail = false;

        var redelivery = await host.DispatchAsync(LoanPaidOff);
        var third = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, redelivery.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, third.Outcome);
        Assert.Equal(2, host.Calls.Count(nameof(FailingLoanPaidOffHandler)));
    }

    [Fact]
    public async Task A_failing_handler_stops_the_handlers_after_it_and_reports_how_many_ran()
    {
        await using var host = new DispatchTestHost(b => b
            .AddHandler<LoanPaidOffHandler>()
            .AddHandler<FailingLoanPaidOffHandler>()
            .AddHandler<SecondLoanPaidOffHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(1, result.HandlersRun);
        Assert.Equal(new[] { nameof(LoanPaidOffHandler), nameof(FailingLoanPaidOffHandler) }, host.Calls.Handlers);
    }

    [Fact]
    public async Task A_cancelled_handler_fails_the_delivery_and_releases_the_claim()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<BlockingLoanPaidOffHandler>());
        using var cancel = new CancellationTokenSource();
        var gate = host.Services.GetRequiredService<Gate>();
        var running = host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff), cancel.Token).AsTask();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await cancel.CancelAsync();
        var result = await running;
        var store = host.Services.GetRequiredService<IWebhookIdempotencyStore>();
        var claim = await store.ClaimAsync(result.IdempotencyKey!.Value);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.IsAssignableFrom<OperationCanceledException>(result.Exception);
        Assert.Equal(WebhookClaimStatus.Claimed, claim.Status);
    }

    [Fact]
    public async Task An_idempotency_store_that_throws_fails_the_delivery_with_503_and_runs_no_handler()
    {
        await using var host = new DispatchTestHost(
            b => b.AddHandler<LoanPaidOffHandler>(),
            services => services.AddSingleton<IWebhookIdempotencyStore, UnavailableStore>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.IsType<TimeoutException>(result.Exception);
        Assert.Null(result.FailedHandlerType);
        Assert.Empty(host.Calls.All);
    }

    private sealed class UnavailableStore : IWebhookIdempotencyStore
    {
        public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default) =>
            throw new TimeoutException("store unreachable");

        public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
