using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

public sealed class InMemoryWebhookIdempotencyStoreTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task A_new_key_is_claimed_and_a_completed_one_is_already_completed()
    {
        var store = Store();
        var claim = await store.ClaimAsync(Key("a"));

        await store.CompleteAsync(claim);
        var again = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.Claimed, claim.Status);
        Assert.NotNull(claim.LeaseId);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, again.Status);
        Assert.Null(again.LeaseId);
    }

    [Fact]
    public async Task A_claimed_key_is_in_progress_until_it_is_completed_or_released()
    {
        var store = Store();
        var claim = await store.ClaimAsync(Key("a"));

        var during = await store.ClaimAsync(Key("a"));
        await store.ReleaseAsync(claim);
        var afterRelease = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.InProgress, during.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, afterRelease.Status);
    }

    [Fact]
    public async Task Keys_of_different_providers_or_sources_do_not_collide()
    {
        var store = Store();
        await store.CompleteAsync(await store.ClaimAsync(Key("same")));

        var otherProvider = await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Receeve, "same", WebhookIdempotencyKeySource.ProviderId));
        var otherSource = await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "same", WebhookIdempotencyKeySource.BodyHash));

        Assert.Equal(WebhookClaimStatus.Claimed, otherProvider.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, otherSource.Status);
    }

    [Fact]
    public async Task An_abandoned_claim_expires_after_the_lease_and_the_key_can_be_claimed_again()
    {
        var store = Store(o => o.ClaimLease = TimeSpan.FromMinutes(1));
        await store.ClaimAsync(Key("a"));

        _time.Advance(TimeSpan.FromSeconds(59));
        var beforeExpiry = await store.ClaimAsync(Key("a"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var afterExpiry = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.InProgress, beforeExpiry.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, afterExpiry.Status);
    }

    [Fact]
    public async Task A_completed_key_is_forgotten_after_the_retention()
    {
        var store = Store(o => o.CompletedRetention = TimeSpan.FromHours(1));
        await store.CompleteAsync(await store.ClaimAsync(Key("a")));

        _time.Advance(TimeSpan.FromMinutes(59));
        var within = await store.ClaimAsync(Key("a"));
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, within.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, after.Status);
    }

    [Fact]
    public async Task A_completed_key_is_swept_at_the_instant_its_retention_ends()
    {
        var store = Store(o => o.CompletedRetention = TimeSpan.FromHours(1));
        await store.CompleteAsync(await store.ClaimAsync(Key("a")));

        _time.Advance(TimeSpan.FromHours(1));
        await store.ClaimAsync(Key("b"));

        // Only "b" is held: "a" expired at that very tick, so the sweep of the next claim dropped it.
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Releasing_a_claim_again_or_after_its_key_was_swept_does_nothing()
    {
        var store = Store(o => o.ClaimLease = TimeSpan.FromMinutes(1));
        var released = await store.ClaimAsync(Key("a"));
        var swept = await store.ClaimAsync(Key("b"));
        await store.ReleaseAsync(released);

        await store.ReleaseAsync(released);
        _time.Advance(TimeSpan.FromMinutes(2));
        await store.ClaimAsync(Key("c"));
        await store.ReleaseAsync(swept);

        Assert.Equal(1, store.Count);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("c"))).Status);
    }

    [Fact]
    public async Task With_every_key_in_one_bucket_keys_that_differ_in_any_part_are_different_keys()
    {
        var held = new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "same", WebhookIdempotencyKeySource.ProviderId, "USER_CONNECTED");
        var others = new[]
        {
            new WebhookIdempotencyKey(WebhookProvider.Receeve, "same", WebhookIdempotencyKeySource.ProviderId, "USER_CONNECTED"),
            new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "same", WebhookIdempotencyKeySource.BodyHash, "USER_CONNECTED"),
            new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "same", WebhookIdempotencyKeySource.ProviderId, "USER_DISCONNECTED"),
            new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "other", WebhookIdempotencyKeySource.ProviderId, "USER_CONNECTED"),
        };

        foreach (var other in others)
        {
            // A store of one entry has one hash bucket, so the claim of the other key finds the held key's completed
            // entry in its bucket and compares the whole key with it.
            var store = Store(o => o.MaxEntries = 1);
            await store.CompleteAsync(await store.ClaimAsync(held));

            Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(other)).Status);
        }
    }

    [Fact]
    public async Task Releasing_or_completing_an_expired_lease_does_not_touch_the_newer_claim()
    {
        var store = Store(o => o.ClaimLease = TimeSpan.FromMinutes(1));
        var stale = await store.ClaimAsync(Key("a"));
        _time.Advance(TimeSpan.FromMinutes(2));
        var current = await store.ClaimAsync(Key("a"));

        await store.ReleaseAsync(stale);
        var afterStaleRelease = await store.ClaimAsync(Key("a"));
        await store.CompleteAsync(stale);
        var afterStaleComplete = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.Claimed, current.Status);
        Assert.Equal(WebhookClaimStatus.InProgress, afterStaleRelease.Status);
        Assert.Equal(WebhookClaimStatus.InProgress, afterStaleComplete.Status);
    }

    [Fact]
    public async Task The_store_holds_at_most_max_entries_and_forgets_the_oldest_first()
    {
        var store = Store(o => o.MaxEntries = 3);
        foreach (string id in new[] { "1", "2", "3", "4" })
        {
            await store.CompleteAsync(await store.ClaimAsync(Key(id)));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, store.Count);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("4"))).Status);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("2"))).Status);
        Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(Key("1"))).Status);
    }

    [Fact]
    public async Task Expired_entries_are_swept_when_keys_are_claimed()
    {
        var store = Store(o => o.CompletedRetention = TimeSpan.FromMinutes(1));
        for (int i = 0; i < 100; i++)
        {
            await store.CompleteAsync(await store.ClaimAsync(Key("old" + i)));
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        await store.ClaimAsync(Key("new"));

        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Of_concurrent_claims_of_one_key_exactly_one_wins()
    {
        var store = Store();
        const int Keys = 200;
        const int Contenders = 8;
        var claimed = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Keys * Contenders),
            new ParallelOptions { MaxDegreeOfParallelism = Contenders },
            async (i, ct) =>
            {
                var claim = await store.ClaimAsync(Key((i % Keys).ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
                if (claim.Status == WebhookClaimStatus.Claimed)
                {
                    claimed.Add(claim.Key.Value);
                    await store.CompleteAsync(claim, ct);
                }
            });

        Assert.Equal(Keys, claimed.Count);
        Assert.Equal(Keys, claimed.Distinct().Count());
        Assert.Equal(Keys, store.Count);
    }

    [Fact]
    public async Task The_default_key_and_the_default_claim_are_refused()
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ClaimAsync(default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReleaseAsync(default).AsTask());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Only_a_claimed_claim_can_be_completed_or_released()
    {
        var store = Store();
        var claim = await store.ClaimAsync(Key("a"));
        var inProgress = await store.ClaimAsync(Key("a"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(inProgress).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReleaseAsync(inProgress).AsTask());
        Assert.Equal(WebhookClaimStatus.Claimed, claim.Status);
    }

    [Fact]
    public void Options_refuse_non_positive_limits()
    {
        var options = new InMemoryWebhookIdempotencyStoreOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxEntries = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.CompletedRetention = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ClaimLease = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.ClaimLease = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.CompletedRetention = TimeSpan.FromSeconds(-1));
    }

    [Fact]
    public async Task A_cancelled_claim_throws_and_claims_nothing()
    {
        var store = Store();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ClaimAsync(Key("a"), cancelled.Token).AsTask());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task A_cancelled_completion_or_release_throws_and_leaves_the_claim_in_place()
    {
        var store = Store();
        var claim = await store.ClaimAsync(Key("a"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CompleteAsync(claim, cancelled.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReleaseAsync(claim, cancelled.Token).AsTask());

        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("a"))).Status);
    }

    [Fact]
    public async Task Completing_a_claim_that_expired_and_was_dropped_sweeps_expired_claims_to_make_room_for_it()
    {
        var store = Store(o =>
        {
            o.MaxEntries = 2;
            o.ClaimLease = TimeSpan.FromMinutes(1);
        });
        var slow = await store.ClaimAsync(Key("slow"));
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.ClaimAsync(Key("abandoned-1"));
        await store.ClaimAsync(Key("abandoned-2"));
        _time.Advance(TimeSpan.FromMinutes(1));

        await store.CompleteAsync(slow);

        Assert.Equal(1, store.Count);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("slow"))).Status);
    }

    [Fact]
    public async Task A_clock_that_steps_back_never_lets_an_expired_claim_block_its_key()
    {
        // The sweep relies on entries expiring in the order they were added; a wall clock set back breaks that order.
        var store = Store(o => o.ClaimLease = TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(10));
        await store.ClaimAsync(Key("later"));
        _time.Advance(TimeSpan.FromMinutes(-10));
        await store.ClaimAsync(Key("a"));

        _time.Advance(TimeSpan.FromMinutes(5));
        var atExpiry = await store.ClaimAsync(Key("a"));

        Assert.Equal(WebhookClaimStatus.Claimed, atExpiry.Status);
        Assert.Equal(WebhookClaimStatus.InProgress, (await store.ClaimAsync(Key("later"))).Status);

        // The new claim took the expired entry's place rather than a second one beside it.
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public async Task After_a_clock_steps_back_a_stale_completion_still_records_a_key_whose_newer_claim_expired()
    {
        var store = Store(o => o.ClaimLease = TimeSpan.FromMinutes(1));
        var stale = await store.ClaimAsync(Key("a"));
        _time.Advance(TimeSpan.FromMinutes(10));
        await store.ClaimAsync(Key("later"));
        _time.Advance(TimeSpan.FromMinutes(-8));
        await store.ClaimAsync(Key("a"));

        _time.Advance(TimeSpan.FromMinutes(1));
        await store.CompleteAsync(stale);

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(Key("a"))).Status);
    }

    [Fact]
    public void A_claim_result_refuses_an_undefined_status_and_a_lease_id_that_does_not_fit_its_status()
    {
        var key = Key("a");

        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(key, (WebhookClaimStatus)99, leaseId: null));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(key, (WebhookClaimStatus)0, leaseId: "1"));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, leaseId: null));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, leaseId: string.Empty));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(key, WebhookClaimStatus.InProgress, leaseId: "1"));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(key, WebhookClaimStatus.AlreadyCompleted, leaseId: "1"));
        Assert.Throws<ArgumentException>(() => new WebhookIdempotencyClaim(default, WebhookClaimStatus.InProgress, leaseId: null));
    }

    [Fact]
    public void A_claim_result_prints_its_status_and_key()
    {
        var claim = new WebhookIdempotencyClaim(Key("a"), WebhookClaimStatus.InProgress, leaseId: null);

        Assert.Equal("InProgress spinwheel:id::a", claim.ToString());
    }

    private static WebhookIdempotencyKey Key(string id) => new(WebhookProvider.Spinwheel, id, WebhookIdempotencyKeySource.ProviderId);

    private InMemoryWebhookIdempotencyStore Store(Action<InMemoryWebhookIdempotencyStoreOptions>? configure = null)
    {
        var options = new InMemoryWebhookIdempotencyStoreOptions();
        configure?.Invoke(options);
        return new InMemoryWebhookIdempotencyStore(options, _time);
    }
}
