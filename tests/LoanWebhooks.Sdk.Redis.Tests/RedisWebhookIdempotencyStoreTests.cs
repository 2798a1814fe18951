using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisWebhookIdempotencyStoreTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(150);

    private readonly RedisWebhookIdempotencyStoreOptions _options = RedisFixture.IsolatedOptions();
    private ConnectionMultiplexer _otherConnection = null!;

    public async Task InitializeAsync() => _otherConnection = await redis.Server.ConnectAsync();

    public async Task DisposeAsync() => await _otherConnection.DisposeAsync();

    [Fact]
    public async Task The_first_claim_owns_the_key_and_a_claim_from_another_connection_sees_it_in_progress()
    {
        var key = RedisFixture.NewKey();

        var first = await Store().ClaimAsync(key);
        var second = await OtherStore().ClaimAsync(key);

        Assert.Equal(WebhookClaimStatus.Claimed, first.Status);
        Assert.Matches("^[0-9a-f]{32}$", first.LeaseId);
        Assert.Equal(WebhookClaimStatus.InProgress, second.Status);
        Assert.Null(second.LeaseId);
    }

    [Fact]
    public async Task A_claim_stores_its_lease_id_for_the_claim_lease()
    {
        _options.ClaimLease = TimeSpan.FromSeconds(30);
        var store = Store();
        var key = RedisFixture.NewKey();

        var claim = await store.ClaimAsync(key);

        Assert.Equal(claim.LeaseId, (string?)await redis.Database.StringGetAsync(store.GetRedisKey(key)));
        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(store.GetRedisKey(key));
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task After_completion_every_instance_sees_the_key_as_completed_for_the_completed_retention()
    {
        _options.CompletedRetention = TimeSpan.FromHours(2);
        var store = Store();
        var key = RedisFixture.NewKey();
        var claim = await store.ClaimAsync(key);

        await store.CompleteAsync(claim);

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await OtherStore().ClaimAsync(key)).Status);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(key)).Status);
        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(store.GetRedisKey(key));
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2));
    }

    [Fact]
    public async Task A_released_claim_lets_the_next_delivery_claim_the_key_again()
    {
        var store = Store();
        var key = RedisFixture.NewKey();
        var claim = await store.ClaimAsync(key);

        await store.ReleaseAsync(claim);
        var again = await OtherStore().ClaimAsync(key);

        Assert.Equal(WebhookClaimStatus.Claimed, again.Status);
        Assert.NotEqual(claim.LeaseId, again.LeaseId);
    }

    [Fact]
    public async Task An_expired_lease_lets_another_instance_claim_the_key()
    {
        _options.ClaimLease = ShortLease;
        var store = Store();
        var key = RedisFixture.NewKey();
        await store.ClaimAsync(key);

        await WaitUntilExpiredAsync(store, key);
        var next = await OtherStore().ClaimAsync(key);

        Assert.Equal(WebhookClaimStatus.Claimed, next.Status);
    }

    [Fact]
    public async Task A_stale_owner_cannot_release_the_claim_of_the_instance_that_reclaimed_the_key()
    {
        _options.ClaimLease = ShortLease;
        var stale = Store();
        var key = RedisFixture.NewKey();
        var staleClaim = await stale.ClaimAsync(key);
        await WaitUntilExpiredAsync(stale, key);
        var current = OtherStore(TimeSpan.FromMinutes(1));
        var currentClaim = await current.ClaimAsync(key);

        await stale.ReleaseAsync(staleClaim);

        Assert.Equal(currentClaim.LeaseId, (string?)await redis.Database.StringGetAsync(stale.GetRedisKey(key)));
        Assert.Equal(WebhookClaimStatus.InProgress, (await stale.ClaimAsync(key)).Status);
    }

    [Fact]
    public async Task A_stale_owner_cannot_complete_the_claim_of_the_instance_that_reclaimed_the_key()
    {
        _options.ClaimLease = ShortLease;
        var stale = Store();
        var key = RedisFixture.NewKey();
        var staleClaim = await stale.ClaimAsync(key);
        await WaitUntilExpiredAsync(stale, key);
        var current = OtherStore(TimeSpan.FromMinutes(1));
        var currentClaim = await current.ClaimAsync(key);

        await stale.CompleteAsync(staleClaim);

        Assert.Equal(currentClaim.LeaseId, (string?)await redis.Database.StringGetAsync(stale.GetRedisKey(key)));
        Assert.Equal(WebhookClaimStatus.InProgress, (await stale.ClaimAsync(key)).Status);

        // The new owner's release still works: its handlers failed, so a redelivery must run them.
        await current.ReleaseAsync(currentClaim);
        Assert.Equal(WebhookClaimStatus.Claimed, (await stale.ClaimAsync(key)).Status);
    }

    [Fact]
    public async Task Completing_after_the_own_lease_expired_with_nobody_else_claiming_still_records_the_completion()
    {
        _options.ClaimLease = ShortLease;
        var store = Store();
        var key = RedisFixture.NewKey();
        var claim = await store.ClaimAsync(key);
        await WaitUntilExpiredAsync(store, key);

        await store.CompleteAsync(claim);

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await OtherStore().ClaimAsync(key)).Status);
    }

    [Fact]
    public async Task Releasing_after_completion_keeps_the_completion()
    {
        var store = Store();
        var key = RedisFixture.NewKey();
        var claim = await store.ClaimAsync(key);
        await store.CompleteAsync(claim);

        await store.ReleaseAsync(claim);

        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, (await store.ClaimAsync(key)).Status);
    }

    [Fact]
    public async Task Only_a_claimed_result_can_be_completed_or_released()
    {
        var store = Store();
        var key = RedisFixture.NewKey();
        await store.ClaimAsync(key);
        var inProgress = await store.ClaimAsync(key);

        await Assert.ThrowsAsync<ArgumentException>(() => store.CompleteAsync(inProgress).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReleaseAsync(inProgress).AsTask());
    }

    [Fact]
    public async Task A_cancelled_claim_sends_nothing()
    {
        var store = Store();
        var key = RedisFixture.NewKey();

        await Assert.ThrowsAsync<OperationCanceledException>(() => store.ClaimAsync(key, new CancellationToken(canceled: true)).AsTask());

        Assert.False(await redis.Database.KeyExistsAsync(store.GetRedisKey(key)));
    }

    [Fact]
    public async Task Event_type_and_id_are_hashed_so_shifting_a_separator_between_them_gives_another_key()
    {
        var store = Store();
        var one = new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "c", WebhookIdempotencyKeySource.ProviderId, "a:b");
        var other = new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "b:c", WebhookIdempotencyKeySource.ProviderId, "a");

        Assert.Equal(one.ToString(), other.ToString());
        Assert.NotEqual(store.GetRedisKey(one), store.GetRedisKey(other));
        Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(one)).Status);
        Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(other)).Status);
    }

    [Fact]
    public void Keys_hold_prefix_provider_and_source_but_never_the_payload_values()
    {
        var store = Store();
        var id = new WebhookIdempotencyKey(WebhookProvider.Receeve, "*\r\nFLUSHALL\r\n", WebhookIdempotencyKeySource.ProviderId, "event.claim.created.v1");
        var body = WebhookIdempotencyKey.FromBody(WebhookProvider.Payitoff, "{}"u8);

        string idKey = store.GetRedisKey(id)!;
        string bodyKey = store.GetRedisKey(body)!;

        Assert.Matches("^" + _options.KeyPrefix + "receeve:id:[0-9a-f]{64}$", idKey);
        Assert.Matches("^" + _options.KeyPrefix + "payitoff:body:[0-9a-f]{64}$", bodyKey);
        Assert.DoesNotContain(body.Value, bodyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Providers_and_key_sources_never_share_a_key()
    {
        var store = Store();
        var spinwheel = new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "1", WebhookIdempotencyKeySource.ProviderId, "X");
        var receeve = new WebhookIdempotencyKey(WebhookProvider.Receeve, "1", WebhookIdempotencyKeySource.ProviderId, "X");
        var bodyHash = new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "1", WebhookIdempotencyKeySource.BodyHash);
        var noEventType = new WebhookIdempotencyKey(WebhookProvider.Spinwheel, "1", WebhookIdempotencyKeySource.ProviderId);

        Assert.Equal(4, new[] { spinwheel, receeve, bodyHash, noEventType }.Select(k => store.GetRedisKey(k)).Distinct().Count());
    }

    [Fact]
    public async Task Stores_with_different_prefixes_do_not_see_each_others_claims()
    {
        var key = RedisFixture.NewKey();
        await Store().ClaimAsync(key);

        var otherApplication = new RedisWebhookIdempotencyStore(redis.Connection, RedisFixture.IsolatedOptions());

        Assert.Equal(WebhookClaimStatus.Claimed, (await otherApplication.ClaimAsync(key)).Status);
    }

    [Fact]
    public async Task The_configured_database_holds_the_keys()
    {
        _options.Database = 5;
        var store = Store();
        var key = RedisFixture.NewKey();

        await store.ClaimAsync(key);

        Assert.True(await redis.Connection.GetDatabase(5).KeyExistsAsync(store.GetRedisKey(key)));
        Assert.False(await redis.Connection.GetDatabase(0).KeyExistsAsync(store.GetRedisKey(key)));
    }

    private RedisWebhookIdempotencyStore Store() => new(redis.Connection, _options);

    /// <summary>A store on another connection, as another instance of the application would have.</summary>
    private RedisWebhookIdempotencyStore OtherStore(TimeSpan? claimLease = null) =>
        new(_otherConnection, new RedisWebhookIdempotencyStoreOptions
        {
            KeyPrefix = _options.KeyPrefix,
            ClaimLease = claimLease ?? _options.ClaimLease,
            CompletedRetention = _options.CompletedRetention,
        });

    private async Task WaitUntilExpiredAsync(RedisWebhookIdempotencyStore store, WebhookIdempotencyKey key)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (await redis.Database.KeyExistsAsync(store.GetRedisKey(key)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The claim did not expire within 5 s.");
            await Task.Delay(25);
        }
    }
}
