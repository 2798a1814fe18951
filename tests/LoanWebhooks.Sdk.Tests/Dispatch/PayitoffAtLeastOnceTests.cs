using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// Payitoff sends no delivery id, and two genuine events can have identical bodies (connectivity interrupted,
/// restored, interrupted again), so by default every delivery runs the handlers; deduplicating identical bodies is
/// an opt-in (<c>o.DeduplicateIdenticalBodies()</c>).
/// </summary>
public sealed class PayitoffAtLeastOnceTests
{
    private static readonly DocumentedSample Interrupted = DispatchTestHost.Sample(WebhookProvider.Payitoff, "connectivity.interrupted");
    private static readonly DocumentedSample Restored = DispatchTestHost.Sample(WebhookProvider.Payitoff, "connectivity.restored");
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public async Task Interrupted_restored_interrupted_with_identical_bodies_runs_the_handler_three_times_and_answers_200_each_time()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ConnectivityHandler>(), payitoffDeduplicatesBodies: false);

        var first = await host.DispatchAsync(Interrupted);
        var second = await host.DispatchAsync(Restored);
        var third = await host.DispatchAsync(Interrupted);

        Assert.All(new[] { first, second, third }, result =>
        {
            Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
            Assert.Equal(200, result.StatusCode);
        });
        Assert.Equal(first.IdempotencyKey, third.IdempotencyKey);
        Assert.Equal(3, host.Calls.Count(nameof(ConnectivityHandler)));
        Assert.False(host.Dispatcher.Providers[WebhookProvider.Payitoff].DeduplicatesIdenticalBodies);
    }

    [Fact]
    public async Task With_identical_bodies_deduplicated_the_second_interrupted_is_a_duplicate_and_the_handler_ran_twice()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ConnectivityHandler>(), payitoffDeduplicatesBodies: true);
        await host.DispatchAsync(Interrupted);
        await host.DispatchAsync(Restored);

        var third = await host.DispatchAsync(Interrupted);

        Assert.Equal(WebhookDispatchOutcome.Duplicate, third.Outcome);
        Assert.Equal(200, third.StatusCode);
        Assert.Equal(2, host.Calls.Count(nameof(ConnectivityHandler)));
        Assert.True(host.Dispatcher.Providers[WebhookProvider.Payitoff].DeduplicatesIdenticalBodies);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_handler_context_carries_the_body_hash_as_the_idempotency_key_whether_or_not_bodies_are_deduplicated(bool deduplicateBodies)
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ContextKeyProbeHandler>(), payitoffDeduplicatesBodies: deduplicateBodies);
        var expected = WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, Interrupted.Body.Span);

        var result = await host.DispatchAsync(Interrupted);

        Assert.Equal(WebhookIdempotencyKeySource.BodyHash, expected.Source);
        Assert.Equal($"{nameof(ContextKeyProbeHandler)}:{WebhookIdempotencyKeySource.BodyHash}:{expected.Value}", Assert.Single(host.Calls.Handlers));
        Assert.Equal(expected, result.IdempotencyKey!.Value);
    }

    [Fact]
    public async Task A_handler_failure_under_the_default_answers_500_without_touching_the_idempotency_store()
    {
        var store = new CountingIdempotencyStore();
        await using var host = new DispatchTestHost(
            b => b.AddHandler<FailingLoanPaidOffHandler>(),
            services => services.AddSingleton<IWebhookIdempotencyStore>(store),
            payitoffDeduplicatesBodies: false);

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal(typeof(FailingLoanPaidOffHandler), result.FailedHandlerType);
        Assert.Equal(0, store.Claims);
        Assert.Equal(0, store.Releases);
        Assert.Equal(0, store.Completions);
    }

    [Fact]
    public async Task An_accepted_delivery_under_the_default_neither_claims_nor_completes_a_key()
    {
        var store = new CountingIdempotencyStore();
        await using var host = new DispatchTestHost(
            b => b.AddHandler<LoanPaidOffHandler>(),
            services => services.AddSingleton<IWebhookIdempotencyStore>(store),
            payitoffDeduplicatesBodies: false);

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(0, store.Claims);
        Assert.Equal(0, store.Completions);
    }

    [Fact]
    public async Task A_handler_failure_with_identical_bodies_deduplicated_releases_its_claim()
    {
        var store = new CountingIdempotencyStore();
        await using var host = new DispatchTestHost(
            b => b.AddHandler<FailingLoanPaidOffHandler>(),
            services => services.AddSingleton<IWebhookIdempotencyStore>(store),
            payitoffDeduplicatesBodies: true);

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(1, store.Claims);
        Assert.Equal(1, store.Releases);
        Assert.Equal(0, store.Completions);
    }
}
