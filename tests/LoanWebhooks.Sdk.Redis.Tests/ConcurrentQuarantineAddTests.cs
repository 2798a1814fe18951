using System;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Quarantine;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class ConcurrentQuarantineAddTests(RedisFixture redis)
{
    private const int Tasks = 50;

    [Fact]
    public async Task Fifty_concurrent_adds_of_one_body_over_two_connections_make_one_entry_with_fifty_receipts()
    {
        var options = QuarantineEntries.IsolatedOptions();
        await using ConnectionMultiplexer second = await redis.Server.ConnectAsync();
        var stores = new[] { new RedisWebhookQuarantineStore(redis.Connection, options), new RedisWebhookQuarantineStore(second, options) };

        // Several bodies, so that one lucky interleaving cannot make the test pass.
        for (int round = 0; round < 5; round++)
        {
            var entry = QuarantineEntries.New();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var adds = Enumerable.Range(0, Tasks)
                .Select(i => Task.Run(async () =>
                {
                    await start.Task;
                    await stores[i % 2].AddAsync(QuarantineEntries.ReceivedAgain(entry, entry.FirstReceivedAt.AddMilliseconds(i)));
                }))
                .ToList();

            start.SetResult();
            await Task.WhenAll(adds);

            QuarantinedWebhook? read = await stores[0].GetAsync(entry.Id);
            Assert.Equal(Tasks, read!.Receipts);
            Assert.Equal(entry.FirstReceivedAt, read.FirstReceivedAt);
            Assert.Equal(entry.FirstReceivedAt.AddMilliseconds(Tasks - 1), read.LastReceivedAt);
        }

        Assert.Equal(5, await stores[1].CountAsync());
    }

    [Fact]
    public async Task Of_twenty_concurrent_new_entries_into_room_for_five_exactly_five_are_stored()
    {
        var options = QuarantineEntries.IsolatedOptions();
        options.MaxEntries = 5;
        await using ConnectionMultiplexer second = await redis.Server.ConnectAsync();
        var stores = new[] { new RedisWebhookQuarantineStore(redis.Connection, options), new RedisWebhookQuarantineStore(second, options) };
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var adds = Enumerable.Range(0, 20)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await stores[i % 2].AddAsync(QuarantineEntries.New());
                    return true;
                }
                catch (RedisWebhookQuarantineFullException)
                {
                    return false;
                }
            }))
            .ToList();
        start.SetResult();
        bool[] stored = await Task.WhenAll(adds);

        Assert.Equal(5, stored.Count(s => s));
        Assert.Equal(5, await stores[0].CountAsync());
        Assert.Equal(5, (await stores[0].ListAsync()).Count);
    }
}
