using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisWebhookQuarantineStoreTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly RedisWebhookQuarantineStoreOptions _options = QuarantineEntries.IsolatedOptions();
    private ConnectionMultiplexer _otherConnection = null!;

    public async Task InitializeAsync() => _otherConnection = await redis.Server.ConnectAsync();

    public async Task DisposeAsync() => await _otherConnection.DisposeAsync();

    [Fact]
    public void The_store_is_durable()
    {
        Assert.True(Store().IsDurable);
    }

    [Fact]
    public async Task An_added_entry_reads_back_with_its_exact_body_bytes_and_every_field()
    {
        var store = Store();
        byte[] body = [.. QuarantineEntries.NewBody(), 0x00, 0xFF, 0xC3];
        var entry = new QuarantinedWebhook(
            QuarantinedWebhook.IdFor(WebhookProvider.Receeve, body),
            WebhookProvider.Receeve,
            body,
            "event.claim.created.v1",
            "event.claim.expected.v1",
            WebhookParseErrorReason.SchemaMismatch,
            "$.payload.details.amount",
            "Expected a JSON number but found a string.",
            QuarantineEntries.Received,
            QuarantineEntries.Received.AddMinutes(3).ToOffset(TimeSpan.FromHours(9.5)),
            receipts: 4);

        await store.AddAsync(entry);
        var read = await OtherStore().GetAsync(entry.Id);

        Assert.NotNull(read);
        Assert.Equal(entry.Id, read.Id);
        Assert.Equal(WebhookProvider.Receeve, read.Provider);
        Assert.Equal(body, read.Body.ToArray());
        Assert.Equal("event.claim.created.v1", read.EventType);
        Assert.Equal("event.claim.expected.v1", read.ExpectedEventType);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, read.Reason);
        Assert.Equal("$.payload.details.amount", read.JsonPath);
        Assert.Equal("Expected a JSON number but found a string.", read.ErrorMessage);
        Assert.Equal(entry.FirstReceivedAt.Ticks, read.FirstReceivedAt.Ticks);
        Assert.Equal(entry.FirstReceivedAt.Offset, read.FirstReceivedAt.Offset);
        Assert.Equal(entry.LastReceivedAt.Ticks, read.LastReceivedAt.Ticks);
        Assert.Equal(TimeSpan.FromHours(9.5), read.LastReceivedAt.Offset);
        Assert.Equal(4, read.Receipts);
    }

    [Fact]
    public async Task Absent_optional_fields_read_back_as_null_and_an_empty_body_as_empty()
    {
        var store = Store();
        var entry = new QuarantinedWebhook(
            QuarantinedWebhook.IdFor(WebhookProvider.Payitoff, ReadOnlySpan<byte>.Empty),
            WebhookProvider.Payitoff,
            ReadOnlyMemory<byte>.Empty,
            eventType: null,
            expectedEventType: null,
            WebhookParseErrorReason.EmptyBody,
            jsonPath: null,
            errorMessage: "The body is empty.",
            QuarantineEntries.Received,
            QuarantineEntries.Received,
            receipts: 1);

        await store.AddAsync(entry);
        var read = await store.GetAsync(entry.Id);

        Assert.NotNull(read);
        Assert.True(read.Body.IsEmpty);
        Assert.Null(read.EventType);
        Assert.Null(read.ExpectedEventType);
        Assert.Null(read.JsonPath);
        Assert.Equal(WebhookParseErrorReason.EmptyBody, read.Reason);
    }

    [Fact]
    public async Task An_unknown_id_reads_as_null()
    {
        Assert.Null(await Store().GetAsync(QuarantineEntries.New().Id));
    }

    [Fact]
    public async Task Adding_the_same_id_twice_keeps_one_entry_with_two_receipts_and_the_later_receipt_time()
    {
        var store = Store();
        var entry = QuarantineEntries.New();
        DateTimeOffset later = entry.FirstReceivedAt.AddMinutes(10);

        await store.AddAsync(entry);
        await store.AddAsync(QuarantineEntries.ReceivedAgain(entry, later));

        var read = await store.GetAsync(entry.Id);
        Assert.Equal(1, await store.CountAsync());
        Assert.Equal(2, read!.Receipts);
        Assert.Equal(entry.FirstReceivedAt, read.FirstReceivedAt);
        Assert.Equal(later, read.LastReceivedAt);
    }

    [Fact]
    public async Task Two_app_instances_on_one_redis_keep_one_entry_for_one_body()
    {
        var first = Store();
        var second = OtherStore();
        var entry = QuarantineEntries.New();
        DateTimeOffset later = entry.FirstReceivedAt.AddSeconds(30);

        await first.AddAsync(entry);
        await second.AddAsync(QuarantineEntries.ReceivedAgain(entry, later));

        var read = Assert.Single(await first.ListAsync());
        Assert.Equal(entry.Id, read.Id);
        Assert.Equal(2, read.Receipts);
        Assert.Equal(later, read.LastReceivedAt);
        Assert.Equal(1, await second.CountAsync());
    }

    [Fact]
    public async Task A_receipt_that_arrives_late_with_an_earlier_time_moves_the_first_receipt_back_and_keeps_the_last()
    {
        var store = Store();
        var entry = QuarantineEntries.New();
        DateTimeOffset earlier = entry.FirstReceivedAt.AddSeconds(-5);

        await store.AddAsync(entry);
        await OtherStore().AddAsync(QuarantineEntries.ReceivedAgain(entry, earlier));

        var read = await store.GetAsync(entry.Id);
        Assert.Equal(earlier, read!.FirstReceivedAt);
        Assert.Equal(entry.LastReceivedAt, read.LastReceivedAt);
        Assert.Equal(earlier.ToUnixTimeMilliseconds(), await redis.Database.SortedSetScoreAsync(IndexKey(), entry.Id));
    }

    [Fact]
    public async Task An_entry_added_with_several_receipts_adds_them_all()
    {
        var store = Store();
        var entry = QuarantineEntries.New();

        await store.AddAsync(entry);
        await store.AddAsync(QuarantineEntries.New(entry.Body.ToArray(), receipts: 3));

        Assert.Equal(4, (await store.GetAsync(entry.Id))!.Receipts);
    }

    [Fact]
    public async Task ListAsync_returns_the_oldest_first_receipts_first_and_at_most_max_count()
    {
        var store = Store();
        var middle = QuarantineEntries.New(firstReceivedAt: QuarantineEntries.Received.AddMinutes(1));
        var oldest = QuarantineEntries.New(firstReceivedAt: QuarantineEntries.Received);
        var newest = QuarantineEntries.New(firstReceivedAt: QuarantineEntries.Received.AddMinutes(2));
        await store.AddAsync(middle);
        await store.AddAsync(newest);
        await store.AddAsync(oldest);

        var firstTwo = await store.ListAsync(maxCount: 2);
        var all = await store.ListAsync();

        Assert.Equal(new[] { oldest.Id, middle.Id }, firstTwo.Select(e => e.Id));
        Assert.Equal(new[] { oldest.Id, middle.Id, newest.Id }, all.Select(e => e.Id));
        Assert.Equal(newest.Body.ToArray(), all[2].Body.ToArray());
    }

    [Fact]
    public async Task ListAsync_with_zero_returns_nothing_and_with_a_negative_count_throws()
    {
        var store = Store();
        await store.AddAsync(QuarantineEntries.New());

        Assert.Empty(await store.ListAsync(maxCount: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(maxCount: -1).AsTask());
    }

    [Fact]
    public async Task RemoveAsync_removes_the_entry_and_its_index_member_and_then_finds_nothing()
    {
        var store = Store();
        var entry = QuarantineEntries.New();
        var kept = QuarantineEntries.New();
        await store.AddAsync(entry);
        await store.AddAsync(kept);

        bool removed = await OtherStore().RemoveAsync(entry.Id);
        bool removedAgain = await store.RemoveAsync(entry.Id);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Null(await store.GetAsync(entry.Id));
        Assert.False(await redis.Database.KeyExistsAsync(store.GetRedisKey(entry.Id)));
        Assert.Null(await redis.Database.SortedSetScoreAsync(IndexKey(), entry.Id));
        Assert.Equal(new[] { kept.Id }, (await store.ListAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task CountAsync_counts_distinct_entries_not_receipts()
    {
        var store = Store();
        var entry = QuarantineEntries.New();
        Assert.Equal(0, await store.CountAsync());

        await store.AddAsync(entry);
        await store.AddAsync(entry);
        await store.AddAsync(QuarantineEntries.New());

        Assert.Equal(2, await store.CountAsync());
    }

    [Fact]
    public async Task When_max_entries_are_held_a_new_entry_throws_and_stores_nothing()
    {
        _options.MaxEntries = 2;
        var store = Store();
        await store.AddAsync(QuarantineEntries.New());
        await store.AddAsync(QuarantineEntries.New());
        var refused = QuarantineEntries.New();

        var error = await Assert.ThrowsAsync<RedisWebhookQuarantineFullException>(() => store.AddAsync(refused).AsTask());

        Assert.IsAssignableFrom<InvalidOperationException>(error);
        Assert.Equal(refused.Id, error.Id);
        Assert.Equal(2, error.MaxEntries);
        Assert.Contains("maximum of 2 entries", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(QuarantineEntries.PayloadCanary, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, await store.CountAsync());
        Assert.False(await redis.Database.KeyExistsAsync(store.GetRedisKey(refused.Id)));
        Assert.Null(await redis.Database.SortedSetScoreAsync(IndexKey(), refused.Id));
    }

    [Fact]
    public async Task When_max_entries_are_held_a_redelivery_of_a_held_entry_still_counts_its_receipt()
    {
        _options.MaxEntries = 1;
        var store = Store();
        var held = QuarantineEntries.New();
        await store.AddAsync(held);

        await OtherStore().AddAsync(QuarantineEntries.ReceivedAgain(held, held.FirstReceivedAt.AddMinutes(1)));

        Assert.Equal(2, (await store.GetAsync(held.Id))!.Receipts);
        Assert.Equal(1, await store.CountAsync());
    }

    [Fact]
    public async Task Removing_an_entry_from_a_full_quarantine_makes_room_for_a_new_one()
    {
        _options.MaxEntries = 1;
        var store = Store();
        var held = QuarantineEntries.New();
        var next = QuarantineEntries.New();
        await store.AddAsync(held);
        await Assert.ThrowsAsync<RedisWebhookQuarantineFullException>(() => store.AddAsync(next).AsTask());

        await store.RemoveAsync(held.Id);
        await store.AddAsync(next);

        Assert.Equal(new[] { next.Id }, (await store.ListAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Without_a_retention_an_entry_has_no_expiry()
    {
        var store = Store();
        var entry = QuarantineEntries.New();

        await store.AddAsync(entry);

        Assert.Null(await redis.Database.KeyTimeToLiveAsync(store.GetRedisKey(entry.Id)));
        Assert.Null(await redis.Database.KeyTimeToLiveAsync(IndexKey()));
    }

    [Fact]
    public async Task With_a_retention_an_entry_expires_that_long_after_its_first_receipt_and_frees_its_place()
    {
        _options.Retention = TimeSpan.FromMilliseconds(300);
        _options.MaxEntries = 1;
        var store = Store();
        var expiring = QuarantineEntries.New(firstReceivedAt: DateTimeOffset.UtcNow);
        await store.AddAsync(expiring);
        TimeSpan? ttl = await redis.Database.KeyTimeToLiveAsync(store.GetRedisKey(expiring.Id));

        await WaitUntilGoneAsync(store, expiring.Id);
        long countAfterExpiry = await store.CountAsync();
        var next = QuarantineEntries.New(firstReceivedAt: DateTimeOffset.UtcNow);
        await store.AddAsync(next);

        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, countAfterExpiry);
        Assert.Equal(new[] { next.Id }, (await store.ListAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Keys_and_index_members_hold_the_prefix_and_the_body_hash_but_never_a_payload_value()
    {
        var store = Store();
        var entry = QuarantineEntries.New();
        await store.AddAsync(entry);
        await store.AddAsync(QuarantineEntries.New());

        IServer server = redis.Connection.GetServer(redis.Connection.GetEndPoints().Single());
        string[] keys = await server.KeysAsync(pattern: "{" + _options.KeyPrefix + "}*").Select(k => k.ToString()).ToArrayAsync();
        RedisValue[] members = await redis.Database.SortedSetRangeByRankAsync(IndexKey());

        Assert.Equal(3, keys.Length);
        Assert.Contains("{" + _options.KeyPrefix + "}index", keys);
        Assert.Contains("{" + _options.KeyPrefix + "}entry:" + entry.Id, keys);
        Assert.Matches("^spinwheel:[0-9a-f]{64}$", entry.Id);
        Assert.All(keys, key => Assert.DoesNotContain(QuarantineEntries.PayloadCanary, key, StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain("USER_LIABILITIES_CONNECTED", key, StringComparison.Ordinal));
        Assert.All(members, member => Assert.Matches("^spinwheel:[0-9a-f]{64}$", member.ToString()));
    }

    [Fact]
    public async Task Stores_with_different_prefixes_keep_separate_quarantines()
    {
        var entry = QuarantineEntries.New();
        await Store().AddAsync(entry);
        var otherApplication = new RedisWebhookQuarantineStore(redis.Connection, QuarantineEntries.IsolatedOptions());

        Assert.Null(await otherApplication.GetAsync(entry.Id));
        Assert.Equal(0, await otherApplication.CountAsync());
        Assert.Empty(await otherApplication.ListAsync());
        Assert.False(await otherApplication.RemoveAsync(entry.Id));
        Assert.Equal(1, await Store().CountAsync());
    }

    [Fact]
    public void By_default_keys_live_under_a_prefix_of_their_own_in_a_cluster_hash_tag()
    {
        var store = new RedisWebhookQuarantineStore(redis.Connection);

        Assert.Equal("{loanwebhooks:quarantine:}entry:spinwheel:00", store.GetRedisKey("spinwheel:00").ToString());
        Assert.NotEqual(new RedisWebhookIdempotencyStoreOptions().KeyPrefix, new RedisWebhookQuarantineStoreOptions().KeyPrefix);
    }

    [Fact]
    public async Task The_configured_database_holds_the_keys()
    {
        _options.Database = 6;
        var store = Store();
        var entry = QuarantineEntries.New();

        await store.AddAsync(entry);

        Assert.True(await redis.Connection.GetDatabase(6).KeyExistsAsync(store.GetRedisKey(entry.Id)));
        Assert.False(await redis.Connection.GetDatabase(0).KeyExistsAsync(store.GetRedisKey(entry.Id)));
    }

    [Fact]
    public async Task A_cancelled_add_sends_nothing()
    {
        var store = Store();
        var entry = QuarantineEntries.New();

        await Assert.ThrowsAsync<OperationCanceledException>(() => store.AddAsync(entry, new CancellationToken(canceled: true)).AsTask());

        Assert.False(await redis.Database.KeyExistsAsync(store.GetRedisKey(entry.Id)));
    }

    private RedisWebhookQuarantineStore Store() => new(redis.Connection, _options);

    /// <summary>A store on another connection, as another instance of the application would have.</summary>
    private RedisWebhookQuarantineStore OtherStore() =>
        new(_otherConnection, new RedisWebhookQuarantineStoreOptions
        {
            KeyPrefix = _options.KeyPrefix,
            MaxEntries = _options.MaxEntries,
            Retention = _options.Retention,
            Database = _options.Database,
        });

    private RedisKey IndexKey() => "{" + _options.KeyPrefix + "}index";

    private static async Task WaitUntilGoneAsync(RedisWebhookQuarantineStore store, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (await store.GetAsync(id) is not null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The entry did not expire within 5 s.");
            await Task.Delay(25);
        }
    }
}
