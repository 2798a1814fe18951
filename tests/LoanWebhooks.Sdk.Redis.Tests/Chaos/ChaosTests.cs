using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Redis.Tests.Inbox;
using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace LoanWebhooks.Sdk.Redis.Tests.Chaos;

/// <summary>
/// The Redis Streams inbox under failure, each run on a Redis server of its own, on loopback, bounded in count and time.
/// Invariant of every run: each delivery the provider counts as delivered had its handler completed exactly once.
/// </summary>
[Trait("Category", "Chaos")]
public sealed class ChaosTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _prefix = $"chaos:{Guid.NewGuid():N}:";

    [Fact]
    public async Task A_worker_process_killed_with_SIGKILL_mid_handler_leaves_its_deliveries_to_another_worker_that_completes_each_exactly_once()
    {
        var wall = Stopwatch.StartNew();
        await using RedisServer redis = await RedisServer.StartAsync();
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(ChaosApp.Redis(redis.Port));
        IDatabase database = connection.GetDatabase();
        var records = new CompletionRecords(_prefix, TimeSpan.Zero);
        await using ChaosReceiver receiver = await ChaosReceiver.StartAsync(redis.Port, _prefix, runWorkers: false, records);
        using var http = new HttpClient();
        var provider = new SimulatedProvider(http);
        string[] ids = Enumerable.Range(0, 12).Select(i => $"1700000000000-{i}").ToArray();
        await Task.WhenAll(ids.Select(id => provider.DeliverAsync(id, new[] { receiver.WebhookUrl }, 0)));
        Assert.Equal(ids.Length, provider.Delivered.Count);

        using (var doomed = WorkerProcess.Start(redis.Port, _prefix, TimeSpan.FromSeconds(30)))
        {
            // Its four workers are each inside a handler that would take 30 s.
            await Eventually.HoldsAsync(async () => await database.HashLengthAsync(records.StartedKey) == 4, Timeout, "the first worker started four handlers");
            doomed.Kill();
        }

        Assert.Equal(0, await database.HashLengthAsync(records.CompletedKey));

        // The dead worker's runs count: each interrupted delivery has used one of its MaxAttempts.
        HashEntry[] attemptsAfterKill = await database.HashGetAllAsync(_prefix + "{inbox}:attempts");
        Assert.Equal(4, attemptsAfterKill.Length);
        Assert.All(attemptsAfterKill, a => Assert.Equal(1, (long)a.Value));
        using var survivor = WorkerProcess.Start(redis.Port, _prefix, TimeSpan.FromMilliseconds(20));
        await Eventually.HoldsAsync(async () => await database.HashLengthAsync(records.CompletedKey) == ids.Length, Timeout, "every delivery completed");
        await Eventually.HoldsAsync(async () => await database.StreamLengthAsync(_prefix + "{inbox}") == 0, Timeout, "the inbox emptied");

        HashEntry[] completed = await database.HashGetAllAsync(records.CompletedKey);
        HashEntry[] started = await database.HashGetAllAsync(records.StartedKey);
        Assert.Equal(ids.Order(StringComparer.Ordinal), completed.Select(c => c.Name.ToString()).Order(StringComparer.Ordinal));
        Assert.All(completed, c => Assert.Equal(1, (long)c.Value));
        Assert.Equal(4, started.Count(s => (long)s.Value == 2));
        Assert.Equal(0, await database.StreamLengthAsync(_prefix + "{inbox}:dead"));
        output.WriteLine($"Wall time {wall.Elapsed.TotalSeconds:F1} s.");
    }

    [Fact]
    public async Task Redis_restarted_during_a_burst_to_two_instances_with_workers_loses_no_delivery_and_completes_none_twice()
    {
        var wall = Stopwatch.StartNew();
        await using RedisServer redis = await RedisServer.StartAsync(durable: true);
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(ChaosApp.Redis(redis.Port));
        IDatabase database = connection.GetDatabase();
        var records = new CompletionRecords(_prefix, TimeSpan.FromMilliseconds(20)) { InMemory = new() };
        await using ChaosReceiver first = await ChaosReceiver.StartAsync(redis.Port, _prefix, runWorkers: true, records);
        await using ChaosReceiver second = await ChaosReceiver.StartAsync(redis.Port, _prefix, runWorkers: true, records);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var provider = new SimulatedProvider(http);
        Uri[] endpoints = { first.WebhookUrl, second.WebhookUrl };
        string[] ids = Enumerable.Range(0, 150).Select(i => $"1700000000001-{i}").ToArray();
        using var concurrency = new SemaphoreSlim(8);

        // Paced so the burst lasts about a second; the 40th delivery to end kills Redis and starts it again while
        // the rest are still being sent.
        long ended = 0;
        long retryableBeforeRestart = 0;
        Task restarting = Task.CompletedTask;
        var sending = ids.Select(async (id, i) =>
        {
            await concurrency.WaitAsync();
            try
            {
                await Task.Delay(30);
                await provider.DeliverAsync(id, endpoints, i);
            }
            finally
            {
                concurrency.Release();
            }

            if (Interlocked.Increment(ref ended) == 40)
            {
                retryableBeforeRestart = provider.RetryableAnswers;
                restarting = redis.RestartAsync();
            }
        }).ToList();
        await Task.WhenAll(sending);
        await restarting;
        await Eventually.HoldsAsync(() => records.InMemory.Count >= provider.Delivered.Count, Timeout, "every delivered event completed");
        await Eventually.HoldsAsync(async () => await database.StreamLengthAsync(_prefix + "{inbox}") == 0, Timeout, "the inbox emptied");

        Assert.True(provider.DeadLettered.IsEmpty, "Dropped by the provider with statuses " + string.Join(", ", provider.DeadLettered.Values));
        Assert.True(provider.GaveUp.IsEmpty, $"{provider.GaveUp.Count} deliveries were still refused after every retry.");
        Assert.Equal(ids.Length, provider.Delivered.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), records.InMemory.Keys.Order(StringComparer.Ordinal));
        Assert.All(records.InMemory, c => Assert.True(c.Value == 1, $"{c.Key} completed {c.Value} times."));
        Assert.True(provider.RetryableAnswers > retryableBeforeRestart, "The outage was never seen by the provider.");
        // At worst the XADD and the release each wait the chaos app's 500 ms CommandTimeout; never the client's backlog.
        Assert.True(provider.SlowestRetryableAnswer < TimeSpan.FromSeconds(2), $"A retryable answer took {provider.SlowestRetryableAnswer.TotalMilliseconds} ms.");
        output.WriteLine($"Wall time {wall.Elapsed.TotalSeconds:F1} s; {provider.RetryableAnswers} retryable answers, slowest {provider.SlowestRetryableAnswer.TotalMilliseconds:F0} ms.");
    }
}
