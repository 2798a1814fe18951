using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The in-memory store copies short key values into its own arrays and keeps long ones as strings: both are found exactly.</summary>
public sealed class InMemoryStoreKeyStorageTests
{
    [Fact]
    public async Task Keys_longer_than_the_copied_length_are_told_apart_by_their_last_character()
    {
        var store = new InMemoryWebhookIdempotencyStore();
        string common = new('x', 64);
        await store.CompleteAsync(await store.ClaimAsync(Key(common + "a")));

        var other = await store.ClaimAsync(Key(common + "b"));
        var same = await store.ClaimAsync(Key(common + "a"));
        var prefix = await store.ClaimAsync(Key(common));

        Assert.Equal(WebhookClaimStatus.Claimed, other.Status);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, same.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, prefix.Status);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_event_type_or_in_a_trailing_character_are_different_keys()
    {
        var store = new InMemoryWebhookIdempotencyStore();
        await store.CompleteAsync(await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Receeve, "id", WebhookIdempotencyKeySource.ProviderId, "event.a")));

        var otherType = await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Receeve, "id", WebhookIdempotencyKeySource.ProviderId, "event.b"));
        var noType = await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Receeve, "id", WebhookIdempotencyKeySource.ProviderId));
        var longer = await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Receeve, "id2", WebhookIdempotencyKeySource.ProviderId, "event.a"));
        var same = await store.ClaimAsync(new WebhookIdempotencyKey(WebhookProvider.Receeve, "id", WebhookIdempotencyKeySource.ProviderId, "event.a"));

        Assert.Equal(WebhookClaimStatus.Claimed, otherType.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, noType.Status);
        Assert.Equal(WebhookClaimStatus.Claimed, longer.Status);
        Assert.Equal(WebhookClaimStatus.AlreadyCompleted, same.Status);
    }

    [Fact]
    public async Task A_store_that_grows_and_reuses_freed_places_still_finds_every_key_it_holds()
    {
        var store = new InMemoryWebhookIdempotencyStore(new InMemoryWebhookIdempotencyStoreOptions { MaxEntries = 3_000 });
        var completed = new List<int>();
        for (int i = 0; i < 5_000; i++)
        {
            var claim = await store.ClaimAsync(Key(Id(i)));
            if (i % 3 == 0)
            {
                await store.ReleaseAsync(claim);
            }
            else
            {
                await store.CompleteAsync(claim);
                completed.Add(i);
            }
        }

        // 3,333 completed keys in a store of 3,000: the oldest 333 were forgotten, the released ones never kept.
        // The kept ones are asked first: asking for a forgotten key claims it, which would forget another.
        int forgotten = completed.Count - 3_000;
        var kept = new List<WebhookClaimStatus>();
        foreach (int i in completed.Skip(forgotten))
        {
            kept.Add((await store.ClaimAsync(Key(Id(i)))).Status);
        }

        var gone = new List<WebhookClaimStatus>();
        foreach (int i in completed.Take(forgotten))
        {
            gone.Add((await store.ClaimAsync(Key(Id(i)))).Status);
        }

        Assert.Equal(333, forgotten);
        Assert.All(kept, status => Assert.Equal(WebhookClaimStatus.AlreadyCompleted, status));
        Assert.All(gone, status => Assert.Equal(WebhookClaimStatus.Claimed, status));
    }

    private static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static WebhookIdempotencyKey Key(string id) => new(WebhookProvider.Spinwheel, id, WebhookIdempotencyKeySource.ProviderId);
}
