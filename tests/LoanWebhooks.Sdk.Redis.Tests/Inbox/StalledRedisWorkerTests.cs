using System;
using System.Threading.Tasks;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>
/// Workers ride out a Redis that stops answering (SIGSTOP) for longer than the client's command timeout, not only one
/// that disconnects: the timed-out reads are retried, and a delivery stored after Redis answers again is processed.
/// A Redis server of the test's own.
/// </summary>
public sealed class StalledRedisWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Workers_polling_a_Redis_that_stalls_past_the_client_timeout_go_on_and_process_the_next_delivery()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using var app = new InboxApp(server.Port, $"inbox:{Guid.NewGuid():N}:");
        await app.StartWorkersAsync();
        Assert.True((await app.ReceiveAsync("1669434136600-41")).Stored, "The first delivery was not stored.");
        await Eventually.HoldsAsync(async () => await app.CompletedAsync("1669434136600-41") == 1, Timeout, "the first delivery was processed");

        // Longer than the client's 2 s AsyncTimeout (ChaosApp.Redis): every worker's pending read times out.
        server.Pause();
        await Task.Delay(TimeSpan.FromSeconds(3));
        server.Resume();
        Assert.True((await app.ReceiveAsync("1669434136600-42")).Stored, "The delivery after the stall was not stored.");

        await Eventually.HoldsAsync(async () => await app.CompletedAsync("1669434136600-42") == 1, Timeout, "the delivery after the stall was processed");
        await Eventually.HoldsAsync(async () => await app.StreamLengthAsync() == 0, Timeout, "its entry was acknowledged");

        Assert.Equal(1, await app.CompletedAsync("1669434136600-41"));
    }
}
