using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

// In the Redis collection although it needs no server: run alone, its connection attempts cannot slow another test's
// Redis commands past their one-second timeout on a busy machine.
[Collection(RedisCollection.Name)]
public sealed class UnreachableRedisQuarantineTests
{
    [Fact]
    public async Task With_nothing_listening_AddAsync_faults_quickly_so_the_dispatcher_can_answer_a_retryable_status()
    {
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, PortNothingListensOn() } },
            AbortOnConnectFail = false,
            ConnectTimeout = 300,
            AsyncTimeout = 300,
            SyncTimeout = 300,
        });
        var store = new RedisWebhookQuarantineStore(connection, QuarantineEntries.IsolatedOptions());
        var stopwatch = Stopwatch.StartNew();

        // WaitAsync turns a hang into a TimeoutException, which is not the exception asserted here.
        Exception error = await Record.ExceptionAsync(() => store.AddAsync(QuarantineEntries.New()).AsTask().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.True(error is RedisConnectionException or RedisTimeoutException, $"Expected a Redis connection or timeout error, got {error?.GetType().Name ?? "none"}.");
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    private static int PortNothingListensOn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
