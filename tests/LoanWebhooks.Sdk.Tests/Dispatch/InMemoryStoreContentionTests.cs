using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The in-memory store hammered from many threads at once with overlapping keys: never two claims of one key.</summary>
public sealed class InMemoryStoreContentionTests
{
    private const int Threads = 8;

    [Fact]
    public void Of_many_threads_claiming_the_same_keys_in_different_orders_exactly_one_claims_each_key()
    {
        const int Keys = 5_000;
        var store = new InMemoryWebhookIdempotencyStore();
        int[] claims = new int[Keys];

        RunOnThreads(thread =>
        {
            // Every thread visits every key, each in its own order, so every key is contended by all of them.
            foreach (int k in Enumerable.Range(0, Keys).OrderBy(k => (k * 7919) ^ (thread * 104_729)))
            {
                var claim = store.ClaimAsync(Key(k)).AsTask().GetAwaiter().GetResult();
                if (claim.Status == WebhookClaimStatus.Claimed)
                {
                    Interlocked.Increment(ref claims[k]);
                    store.CompleteAsync(claim).AsTask().GetAwaiter().GetResult();
                }
            }
        });

        Assert.All(claims, count => Assert.Equal(1, count));
        Assert.Equal(Keys, store.Count);
    }

    [Fact]
    public void Under_contention_with_releases_and_a_full_store_evicting_completed_keys_no_key_is_ever_held_by_two_claims()
    {
        const int Keys = 256;
        const int Rounds = 20_000;
        var store = new InMemoryWebhookIdempotencyStore(new InMemoryWebhookIdempotencyStoreOptions { MaxEntries = 64 });
        int[] holders = new int[Keys];
        int doubleClaims = 0;
        int granted = 0;

        RunOnThreads(thread =>
        {
            var random = new Random(thread);
            for (int round = 0; round < Rounds; round++)
            {
                int k = random.Next(Keys);
                var claim = store.ClaimAsync(Key(k)).AsTask().GetAwaiter().GetResult();
                if (claim.Status != WebhookClaimStatus.Claimed)
                {
                    continue;
                }

                Interlocked.Increment(ref granted);
                if (Interlocked.Increment(ref holders[k]) != 1)
                {
                    Interlocked.Increment(ref doubleClaims);
                }

                Thread.SpinWait(random.Next(50));

                // Leave the key before giving the claim back: once given back, another thread may rightly claim it.
                Interlocked.Decrement(ref holders[k]);
                if (random.Next(4) == 0)
                {
                    store.ReleaseAsync(claim).AsTask().GetAwaiter().GetResult();
                }
                else
                {
                    store.CompleteAsync(claim).AsTask().GetAwaiter().GetResult();
                }
            }
        });

        Assert.Equal(0, doubleClaims);
        Assert.True(granted > Keys, $"Only {granted} claims were granted; the test did not make the store evict and re-grant keys.");
        Assert.InRange(store.Count, 1, 64);
    }

    private static void RunOnThreads(Action<int> work)
    {
        using var start = new Barrier(Threads);
        Exception? failure = null;
        var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                work(i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        })).ToArray();

        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromMinutes(1)), "A thread did not finish within a minute.");
        }

        Assert.Null(failure);
    }

    private static WebhookIdempotencyKey Key(int id) => new(WebhookProvider.Spinwheel, id.ToString(CultureInfo.InvariantCulture), WebhookIdempotencyKeySource.ProviderId);
}
