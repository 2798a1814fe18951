using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Quarantine;

public sealed class InMemoryWebhookQuarantineStoreTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 27, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Receipts_of_one_id_add_up_in_one_entry_and_the_last_receipt_time_moves_on()
    {
        var store = new InMemoryWebhookQuarantineStore();
        var first = Entry("a", Received);

        await store.AddAsync(first);
        await store.AddAsync(Entry("a", Received.AddMinutes(5), receipts: 2));

        var kept = Assert.Single(await store.ListAsync());
        Assert.Equal(3, kept.Receipts);
        Assert.Equal(Received, kept.FirstReceivedAt);
        Assert.Equal(Received.AddMinutes(5), kept.LastReceivedAt);
        Assert.Equal(first.Body.ToArray(), kept.Body.ToArray());
    }

    [Fact]
    public async Task Beyond_the_most_entries_the_oldest_is_forgotten()
    {
        var store = new InMemoryWebhookQuarantineStore(new InMemoryWebhookQuarantineStoreOptions { MaxEntries = 2 });
        var oldest = Entry("a", Received);
        var middle = Entry("b", Received.AddMinutes(1));
        var newest = Entry("c", Received.AddMinutes(2));

        await store.AddAsync(oldest);
        await store.AddAsync(middle);
        await store.AddAsync(newest);

        Assert.Equal(new[] { middle.Id, newest.Id }, (await store.ListAsync()).Select(e => e.Id));
        Assert.Null(await store.GetAsync(oldest.Id));
    }

    [Fact]
    public async Task Beyond_the_most_body_bytes_the_oldest_entries_are_forgotten()
    {
        var oldest = Entry("a", Received);
        var middle = Entry("b", Received.AddMinutes(1));
        var newest = Entry("c", Received.AddMinutes(2));
        var store = new InMemoryWebhookQuarantineStore(new InMemoryWebhookQuarantineStoreOptions { MaxTotalBodyBytes = middle.Body.Length + newest.Body.Length });

        await store.AddAsync(oldest);
        await store.AddAsync(middle);
        await store.AddAsync(newest);

        Assert.Equal(new[] { middle.Id, newest.Id }, (await store.ListAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task A_single_entry_larger_than_the_byte_limit_is_still_kept()
    {
        var store = new InMemoryWebhookQuarantineStore(new InMemoryWebhookQuarantineStoreOptions { MaxTotalBodyBytes = 1 });
        var entry = Entry("a", Received);

        await store.AddAsync(entry);

        Assert.Equal(entry.Id, Assert.Single(await store.ListAsync()).Id);
    }

    [Fact]
    public async Task Listing_returns_the_oldest_entries_first_and_at_most_as_many_as_asked()
    {
        var store = new InMemoryWebhookQuarantineStore();
        var entries = Enumerable.Range(0, 5).Select(i => Entry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Received.AddMinutes(i))).ToArray();
        foreach (var entry in entries)
        {
            await store.AddAsync(entry);
        }

        var listed = await store.ListAsync(maxCount: 3);

        Assert.Equal(entries.Take(3).Select(e => e.Id), listed.Select(e => e.Id));
    }

    [Fact]
    public async Task Listing_a_negative_count_throws()
    {
        var store = new InMemoryWebhookQuarantineStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(maxCount: -1).AsTask());
    }

    [Fact]
    public async Task Removing_an_entry_is_true_once_and_false_after()
    {
        var store = new InMemoryWebhookQuarantineStore();
        var entry = Entry("a", Received);
        await store.AddAsync(entry);

        bool first = await store.RemoveAsync(entry.Id);
        bool second = await store.RemoveAsync(entry.Id);

        Assert.True(first);
        Assert.False(second);
        Assert.Null(await store.GetAsync(entry.Id));
    }

    [Fact]
    public async Task A_removed_entry_frees_its_bytes_for_later_entries()
    {
        var kept = Entry("a", Received);
        var store = new InMemoryWebhookQuarantineStore(new InMemoryWebhookQuarantineStoreOptions { MaxTotalBodyBytes = 2L * kept.Body.Length });
        var removed = Entry("b", Received.AddMinutes(1));
        await store.AddAsync(kept);
        await store.AddAsync(removed);
        await store.RemoveAsync(removed.Id);

        await store.AddAsync(Entry("c", Received.AddMinutes(2)));

        Assert.Equal(2, await store.CountAsync());
        Assert.NotNull(await store.GetAsync(kept.Id));
    }

    [Fact]
    public async Task The_count_is_the_number_of_distinct_entries()
    {
        var store = new InMemoryWebhookQuarantineStore();
        await store.AddAsync(Entry("a", Received));
        await store.AddAsync(Entry("a", Received.AddMinutes(1)));
        await store.AddAsync(Entry("b", Received.AddMinutes(2)));

        long count = await store.CountAsync();

        Assert.Equal(2, count);
    }

    [Fact]
    public void The_memory_store_is_not_durable()
    {
        var store = new InMemoryWebhookQuarantineStore();

        Assert.False(store.IsDurable);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void The_options_reject_a_limit_that_is_not_positive(int limit)
    {
        var options = new InMemoryWebhookQuarantineStoreOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxEntries = limit);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxTotalBodyBytes = limit);
        Assert.Equal(1_000, options.MaxEntries);
        Assert.Equal(64L * 1024 * 1024, options.MaxTotalBodyBytes);
    }

    [Fact]
    public async Task Concurrent_receipts_of_one_id_are_all_counted()
    {
        const int Receipts = 500;
        var store = new InMemoryWebhookQuarantineStore();
        var entry = Entry("a", Received);

        await Task.WhenAll(Enumerable.Range(0, Receipts).Select(_ => Task.Run(async () => await store.AddAsync(entry))));

        var kept = Assert.Single(await store.ListAsync());
        Assert.Equal(Receipts, kept.Receipts);
    }

    /// <summary>An entry as the dispatcher makes it, for a body that differs by <paramref name="name"/>.</summary>
    private static QuarantinedWebhook Entry(string name, DateTimeOffset receivedAt, int receipts = 1)
    {
        byte[] body = Encoding.UTF8.GetBytes($$$"""{"event_type":"connectivity.interrupted","data":{"borrower_id":"{{{name}}}","servicer_id":7}}""");
        return new QuarantinedWebhook(
            QuarantinedWebhook.IdFor(WebhookProvider.Payitoff, body),
            WebhookProvider.Payitoff,
            body,
            eventType: "connectivity.interrupted",
            expectedEventType: null,
            WebhookParseErrorReason.SchemaMismatch,
            jsonPath: "$.data.servicer_id",
            errorMessage: "Expected a string at $.data.servicer_id.",
            receivedAt,
            receivedAt,
            receipts);
    }
}
