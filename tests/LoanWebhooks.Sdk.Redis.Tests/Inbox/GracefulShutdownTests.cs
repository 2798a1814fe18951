using System;
using System.Threading.Tasks;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

[Collection(RedisCollection.Name)]
public sealed class GracefulShutdownTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly string _prefix = $"shutdown:{Guid.NewGuid():N}:";

    [Fact]
    public async Task A_worker_stopped_while_a_handler_runs_lets_it_finish_within_the_shutdown_timeout_and_acknowledges_it()
    {
        await using var app = new InboxApp(redis.Server.Port, _prefix, handlerDelay: TimeSpan.FromMilliseconds(500));
        await app.ReceiveAsync("1669434136600-20");
        await app.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => await app.StartedAsync("1669434136600-20") == 1, Timeout, "the handler started");

        await app.StopAsync();

        Assert.Equal(1, await app.CompletedAsync("1669434136600-20"));
        Assert.Equal(0, await app.StreamLengthAsync());
    }

    [Fact]
    public async Task A_handler_cut_short_by_the_shutdown_timeout_is_handed_back_without_an_attempt_and_another_worker_completes_it()
    {
        await using var stopping = new InboxApp(redis.Server.Port, _prefix, handlerDelay: TimeSpan.FromSeconds(30));
        await stopping.ReceiveAsync("1669434136600-21");
        await stopping.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => await stopping.StartedAsync("1669434136600-21") == 1, Timeout, "the handler started");

        await stopping.StopAsync();
        StackExchange.Redis.HashEntry attemptsAfterStop = Assert.Single(await stopping.Database.HashGetAllAsync(stopping.Options.StreamKey + ":attempts"));
        await using var next = new InboxApp(redis.Server.Port, _prefix);
        await next.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => await next.CompletedAsync("1669434136600-21") == 1, Timeout, "the other worker completed it");

        Assert.Equal(2, await next.StartedAsync("1669434136600-21"));
        Assert.Equal(0, (long)attemptsAfterStop.Value);
        Assert.Empty(await next.DeadLetters.ListAsync());
    }
}
