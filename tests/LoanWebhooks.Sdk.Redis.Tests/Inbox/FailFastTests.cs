using System;
using System.Diagnostics;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>A Redis server of the test's own, stopped and started again.</summary>
public sealed class FailFastTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_claim_fails_at_once_while_Redis_is_stopped_and_the_first_claim_after_the_client_reconnects_succeeds()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(ChaosApp.Redis(server.Port));
        RedisWebhookIdempotencyStoreOptions options = RedisFixture.IsolatedOptions();
        // Long, so that failing in milliseconds below can only come from not sending to a disconnected Redis.
        options.CommandTimeout = TimeSpan.FromSeconds(5);
        var store = new RedisWebhookIdempotencyStore(connection, options);
        Assert.Equal(WebhookClaimStatus.Claimed, (await store.ClaimAsync(RedisFixture.NewKey())).Status);

        server.Kill();
        await Eventually.HoldsAsync(() => !connection.IsConnected, Timeout, "the client saw Redis go");
        var failing = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RedisConnectionException>(async () => await store.ClaimAsync(RedisFixture.NewKey()));
        failing.Stop();
        await server.RestartAsync();
        var reconnecting = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() => connection.IsConnected, Timeout, "the client reconnected");
        output.WriteLine($"Failed after {failing.Elapsed.TotalMilliseconds:F1} ms; reconnected {reconnecting.Elapsed.TotalMilliseconds:F0} ms after the restart.");
        WebhookIdempotencyClaim first = await store.ClaimAsync(RedisFixture.NewKey());

        Assert.True(failing.Elapsed < TimeSpan.FromMilliseconds(200), $"The claim took {failing.Elapsed.TotalMilliseconds} ms to fail.");
        Assert.Equal(WebhookClaimStatus.Claimed, first.Status);
    }

    [Fact]
    public async Task A_claim_on_a_Redis_that_does_not_answer_fails_after_the_command_timeout_and_the_first_claim_after_it_answers_succeeds()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(ChaosApp.Redis(server.Port));
        string prefix = RedisFixture.IsolatedOptions().KeyPrefix;
        // One store with a long timeout warms the connection up and claims after Redis is back; a first command on a
        // busy machine can take longer than the short timeout under test.
        var patient = new RedisWebhookIdempotencyStore(connection, new RedisWebhookIdempotencyStoreOptions { KeyPrefix = prefix, CommandTimeout = TimeSpan.FromSeconds(5) });
        var store = new RedisWebhookIdempotencyStore(connection, new RedisWebhookIdempotencyStoreOptions { KeyPrefix = prefix, CommandTimeout = TimeSpan.FromMilliseconds(200) });
        Assert.Equal(WebhookClaimStatus.Claimed, (await patient.ClaimAsync(RedisFixture.NewKey())).Status);

        server.Pause();
        var failing = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RedisTimeoutException>(async () => await store.ClaimAsync(RedisFixture.NewKey()));
        failing.Stop();
        server.Resume();
        WebhookIdempotencyClaim first = await patient.ClaimAsync(RedisFixture.NewKey());

        Assert.InRange(failing.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(800));
        Assert.Equal(WebhookClaimStatus.Claimed, first.Status);
    }
}
