using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// Handlers, scope disposal and store calls that complete asynchronously give the same outcomes, in the same order,
/// as ones that complete at once.
/// </summary>
public sealed class AsynchronousCompletionTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public async Task Handlers_after_one_that_yields_still_run_in_order()
    {
        await using var host = new DispatchTestHost(b => b
            .AddHandler<LoanPaidOffHandler>()
            .AddHandler<YieldingLoanPaidOffHandler>()
            .AddHandler<SecondLoanPaidOffHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(3, result.HandlersRun);
        Assert.Equal(new[] { nameof(LoanPaidOffHandler), nameof(YieldingLoanPaidOffHandler), nameof(SecondLoanPaidOffHandler) }, host.Calls.Handlers);
    }

    [Fact]
    public async Task A_handler_failing_after_it_yields_fails_the_delivery_stops_the_rest_and_releases_the_claim()
    {
        await using var host = new DispatchTestHost(b => b
            .AddHandler<LoanPaidOffHandler>()
            .AddHandler<YieldingLoanPaidOffHandler>()
            .AddHandler<YieldingFailingLoanPaidOffHandler>()
            .AddHandler<SecondLoanPaidOffHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);
        host.Services.GetRequiredService<FailureSwitch>().Fail = false;
        var redelivery = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(2, result.HandlersRun);
        Assert.Equal(typeof(YieldingFailingLoanPaidOffHandler), result.FailedHandlerType);
        Assert.Equal("failed after yielding", result.Exception!.Message);
        Assert.Equal(WebhookDispatchOutcome.Accepted, redelivery.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(SecondLoanPaidOffHandler)));
    }

    [Fact]
    public async Task A_store_that_answers_asynchronously_claims_completes_and_then_reports_the_duplicate()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<YieldingLoanPaidOffHandler>().UseIdempotencyStore<YieldingStore>());

        var first = await host.DispatchAsync(LoanPaidOff);
        var second = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, first.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, second.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(YieldingLoanPaidOffHandler)));
    }

    [Fact]
    public async Task A_store_failing_to_record_completion_asynchronously_is_logged_and_the_delivery_still_accepted()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>().UseIdempotencyStore<CompletionFailingStore>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(1, result.HandlersRun);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 12 && e.Exception?.Message == "completion not recorded");
    }

    [Fact]
    public async Task A_scope_disposed_asynchronously_is_awaited_before_the_result()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<AsyncDisposalHandler>(), s => s.AddScoped<AsyncDisposable>().AddSingleton<AsyncDisposals>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(1, host.Services.GetRequiredService<AsyncDisposals>().Completed);
    }

    [Fact]
    public async Task A_scope_whose_asynchronous_disposal_fails_fails_the_delivery_after_its_handlers()
    {
        await using var host = new DispatchTestHost(
            b => b.AddHandler<AsyncDisposalHandler>(),
            s => s.AddScoped<AsyncDisposable>().AddSingleton(new AsyncDisposals { Fail = true }));

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(1, result.HandlersRun);
        Assert.Null(result.FailedHandlerType);
        Assert.Equal("async disposal failed", result.Exception!.Message);
    }
}

public sealed class YieldingLoanPaidOffHandler(HandlerCalls calls) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public async ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        await Task.Yield();
        calls.Record(nameof(YieldingLoanPaidOffHandler), webhookEvent);
    }
}

public sealed class YieldingFailingLoanPaidOffHandler(HandlerCalls calls, FailureSwitch failure) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public async ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        await Task.Yield();
        calls.Record(nameof(YieldingFailingLoanPaidOffHandler), webhookEvent);
        if (failure.Fail)
        {
            throw new InvalidOperationException("failed after yielding");
        }
    }
}

/// <summary>The in-memory store, answering every call after a yield.</summary>
public class YieldingStore : IWebhookIdempotencyStore
{
    private readonly InMemoryWebhookIdempotencyStore _inner = new(new InMemoryWebhookIdempotencyStoreOptions(), TimeProvider.System);

    public async ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        return await _inner.ClaimAsync(key, cancellationToken);
    }

    public virtual async ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await _inner.CompleteAsync(claim, cancellationToken);
    }

    public async ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        await _inner.ReleaseAsync(claim, cancellationToken);
    }
}

public sealed class CompletionFailingStore : YieldingStore
{
    public override async ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        throw new TimeoutException("completion not recorded");
    }
}

public sealed class AsyncDisposals
{
    public bool Fail { get; init; }

    public int Completed { get; set; }
}

/// <summary>A scoped dependency whose disposal only finishes after a yield.</summary>
public sealed class AsyncDisposable(AsyncDisposals disposals) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        if (disposals.Fail)
        {
            throw new InvalidOperationException("async disposal failed");
        }

        disposals.Completed++;
    }
}

public sealed class AsyncDisposalHandler(AsyncDisposable dependency) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        GC.KeepAlive(dependency);
        return ValueTask.CompletedTask;
    }
}
