using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The in-memory store at <see cref="InMemoryWebhookIdempotencyStoreOptions.MaxEntries"/>: it never forgets a live claim.</summary>
public sealed class InMemoryStoreCapacityTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task A_live_claim_survives_a_full_store_so_its_redelivery_is_in_progress_not_claimed_again()
    {
        var store = Store(maxEntries: 3);
        var first = await store.ClaimAsync(Key("a"));
        foreach (string id in new[] { "b", "c", "d", "e" })
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await store.CompleteAsync(await store.ClaimAsync(Key(id)));
        }

        var again = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.Claimed, first.Status);
        Assert.Equal(WebhookClaimStatus.InProgress, again.Status);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task A_store_full_of_live_claims_refuses_a_new_key_with_a_retryable_exception_and_keeps_every_claim()
    {
        var store = Store(maxEntries: 2);
        await store.ClaimAsync(Key("a"));
        await store.ClaimAsync(Key("b"));

        var refused = await Assert.ThrowsAsync<WebhookIdempotencyStoreFullException>(() => store.ClaimAsync(Key("c")).AsTask());

        Assert.Equal(2, refused.MaxEntries);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("a"))).Status);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("b"))).Status);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task The_full_store_exception_names_the_limit_but_never_the_key()
    {
        var store = Store(maxEntries: 1);
        await store.ClaimAsync(Key("first-canary-id"));

        var refused = await Assert.ThrowsAsync<WebhookIdempotencyStoreFullException>(() => store.ClaimAsync(Key("second-canary-id")).AsTask());

        Assert.Contains("1 entries", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_full_of_live_claims_takes_new_claims_again_once_one_is_completed_released_or_expired()
    {
        var store = Store(maxEntries: 2, claimLease: TimeSpan.FromMinutes(1));
        var a = await store.ClaimAsync(Key("a"));
        var b = await store.ClaimAsync(Key("b"));

        await store.ReleaseAsync(a);
        var afterRelease = await store.ClaimAsync(Key("c"));
        await store.CompleteAsync(b);
        var afterComplete = await store.ClaimAsync(Key("d"));
        _time.Advance(TimeSpan.FromMinutes(1));
        var afterExpiry = await store.ClaimAsync(Key("e"));

        Assert.Equal(WebhookClaimStatus.Claimed, afterRelease.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, afterComplete.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, afterExpiry.Status);
    }

    [Fact]
    public async Task Completed_entries_are_evicted_before_older_live_claims_and_oldest_completed_first()
    {
        var store = Store(maxEntries: 3);
        await store.ClaimAsync(Key("live"));
        _time.Advance(TimeSpan.FromSeconds(1));
        await store.CompleteAsync(await store.ClaimAsync(Key("done-1")));
        _time.Advance(TimeSpan.FromSeconds(1));
        await store.CompleteAsync(await store.ClaimAsync(Key("done-2")));

        var newcomer = await store.ClaimAsync(Key("new"));

        Assert.Equal(WebhookClaimStatus.Claimed, newcomer.Status);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("live"))).Status);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("done-2"))).Status);
        Assert.Equal(3, store.Count);
        Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(Key("done-1"))).Status);
    }

    [Fact]
    public async Task Expired_entries_are_dropped_before_any_completed_entry_is_evicted()
    {
        var store = Store(maxEntries: 3, claimLease: TimeSpan.FromMinutes(1));
        await store.CompleteAsync(await store.ClaimAsync(Key("done")));
        await store.ClaimAsync(Key("abandoned-1"));
        await store.ClaimAsync(Key("abandoned-2"));
        _time.Advance(TimeSpan.FromMinutes(1));

        await store.ClaimAsync(Key("new-1"));
        await store.ClaimAsync(Key("new-2"));

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("done"))).Status);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public async Task Completing_a_claim_that_expired_and_was_dropped_in_a_store_full_of_live_claims_throws_and_keeps_them()
    {
        var store = Store(maxEntries: 2, claimLease: TimeSpan.FromMinutes(1));
        var expired = await store.ClaimAsync(Key("slow"));
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.ClaimAsync(Key("a"));
        await store.ClaimAsync(Key("b"));

        await Assert.ThrowsAsync<WebhookIdempotencyStoreFullException>(() => store.CompleteAsync(expired).AsTask());

        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("a"))).Status);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("b"))).Status);
    }

    [Fact]
    public async Task Completing_a_claim_that_expired_and_was_dropped_remembers_it_in_the_room_of_the_oldest_completed_entry()
    {
        var store = Store(maxEntries: 2, claimLease: TimeSpan.FromMinutes(1));
        var expired = await store.ClaimAsync(Key("slow"));
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.CompleteAsync(await store.ClaimAsync(Key("done")));
        await store.ClaimAsync(Key("live"));

        await store.CompleteAsync(expired);

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("slow"))).Status);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("live"))).Status);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task Through_the_dispatcher_a_store_full_of_running_deliveries_answers_503_and_no_handler_runs_twice()
    {
        await using var host = new DispatchTestHost(b => b
            .AddHandler<BlockingLoanPaidOffHandler>()
            .AddHandler<EveryEventHandler>()
            .ConfigureInMemoryIdempotencyStore(o => o.MaxEntries = 1));
        var gate = host.Services.GetRequiredService<Gate>();
        var loanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");
        var other = DispatchTestHost.Sample(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        var running = host.DispatchAsync(loanPaidOff).AsTask();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var refused = await host.DispatchAsync(other);
        var redelivered = await host.DispatchAsync(loanPaidOff);
        gate.Open.SetResult();
        var first = await running;
        var retried = await host.DispatchAsync(other);

        Assert.Equal(WebhookDispatchOutcome.Failed, refused.Outcome);
        Assert.Equal(503, refused.StatusCode);
        Assert.IsType<WebhookIdempotencyStoreFullException>(refused.Exception);
        Assert.Equal(0, refused.HandlersRun);
        Assert.Equal(WebhookDispatchOutcome.InProgress, redelivered.Outcome);
        Assert.Equal(503, redelivered.StatusCode);
        Assert.Equal(WebhookDispatchOutcome.Accepted, first.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Accepted, retried.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(BlockingLoanPaidOffHandler)));
        Assert.Equal(2, host.Calls.Count(nameof(EveryEventHandler)));
    }

    private static WebhookIdempotencyKey Key(string id) => new(WebhookProvider.Spinwheel, id, WebhookIdempotencyKeySource.ProviderId);

    private InMemoryWebhookIdempotencyStore Store(int maxEntries, TimeSpan? claimLease = null)
    {
        var options = new InMemoryWebhookIdempotencyStoreOptions { MaxEntries = maxEntries };
        if (claimLease is { } lease)
        {
            options.ClaimLease = lease;
        }

        return new InMemoryWebhookIdempotencyStore(options, _time);
    }
}
