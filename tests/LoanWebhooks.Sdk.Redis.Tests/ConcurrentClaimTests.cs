using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class ConcurrentClaimTests(RedisFixture redis)
{
    private const int Tasks = 50;

    [Fact]
    public async Task Of_fifty_concurrent_claims_over_two_connections_exactly_one_is_claimed()
    {
        var options = RedisFixture.IsolatedOptions();
        await using ConnectionMultiplexer second = await redis.Server.ConnectAsync();
        var stores = new[] { new RedisWebhookIdempotencyStore(redis.Connection, options), new RedisWebhookIdempotencyStore(second, options) };

        // Several keys, so that one lucky interleaving cannot make the test pass.
        for (int round = 0; round < 10; round++)
        {
            var key = RedisFixture.NewKey();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var claims = Enumerable.Range(0, Tasks)
                .Select(i => Task.Run(async () =>
                {
                    await start.Task;
                    return await stores[i % 2].ClaimAsync(key);
                }))
                .ToList();

            start.SetResult();
            WebhookIdempotencyClaim[] results = await Task.WhenAll(claims);

            Assert.Single(results, r => r.Status == WebhookClaimStatus.Claimed);
            Assert.Equal(Tasks - 1, results.Count(r => r.Status == WebhookClaimStatus.InProgress));
        }
    }

    [Fact]
    public async Task Of_fifty_concurrent_claims_after_a_completion_none_is_claimed()
    {
        var store = new RedisWebhookIdempotencyStore(redis.Connection, RedisFixture.IsolatedOptions());
        var key = RedisFixture.NewKey();
        await store.CompleteAsync(await store.ClaimAsync(key));

        var results = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(_ => Task.Run(() => store.ClaimAsync(key).AsTask())));

        Assert.All(results, r => Assert.Equal(WebhookClaimStatus.AlreadyCompleted, r.Status));
    }
}
