using System;
using System.Diagnostics;
using System.Threading.Tasks;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>
/// "<c>…:dead</c>, <c>…:attempts</c>, <c>…:errors</c> live beside [the stream key]": between a failed run and its
/// retry, the entry waits in the stream with its attempt counted in <c>…:attempts</c> and its last error — exception
/// and handler type names only — in <c>…:errors</c>, where the dead-letter move takes it from; and it is retried
/// once it has gone <c>ClaimIdleTime</c> without a heartbeat, not before.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class InboxRetryStateTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly string _prefix = $"inbox:{Guid.NewGuid():N}:";

    [Fact]
    public async Task After_a_failed_run_the_entry_waits_with_one_attempt_and_its_last_error_beside_the_stream_key()
    {
        var flaky = new FlakySwitch();
        await using var app = new InboxApp(redis.Server.Port, _prefix, o => o.ClaimIdleTime = TimeSpan.FromMinutes(1), flaky);
        await app.ReceiveAsync("1669434136600-21");

        await app.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => await app.Database.HashLengthAsync(app.Options.StreamKey + ":errors") == 1, Timeout, "the failure was recorded");

        HashEntry error = Assert.Single(await app.Database.HashGetAllAsync(app.Options.StreamKey + ":errors"));
        HashEntry attempts = Assert.Single(await app.Database.HashGetAllAsync(app.Options.StreamKey + ":attempts"));
        Assert.Equal("System.InvalidOperationException in " + typeof(FlakyHandler).FullName, error.Value.ToString());
        Assert.DoesNotContain("1669434136600-21", error.Value.ToString(), StringComparison.Ordinal);
        Assert.Equal(error.Name, attempts.Name);
        Assert.Equal(1, (long)attempts.Value);
        Assert.Equal(1, flaky.Runs);
        Assert.Equal(1, await app.StreamLengthAsync());
        Assert.Equal(0, await app.Database.StreamLengthAsync(app.Options.StreamKey + ":dead"));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_once_the_claim_idle_time_has_passed_and_not_before()
    {
        var idle = TimeSpan.FromSeconds(1.5);
        var flaky = new FlakySwitch();
        await using var app = new InboxApp(redis.Server.Port, _prefix, o => o.ClaimIdleTime = idle, flaky);
        await app.ReceiveAsync("1669434136600-22");

        await app.StartWorkersAsync();
        await Eventually.HoldsAsync(() => flaky.Runs == 2, Timeout, "the retry");

        long[] starts = flaky.RunStarts.ToArray();
        TimeSpan gap = Stopwatch.GetElapsedTime(starts[0], starts[1]);
        // Redis counts the idle time from the entry's delivery, a few milliseconds before the first run began.
        Assert.InRange(gap, idle - TimeSpan.FromMilliseconds(250), idle + TimeSpan.FromSeconds(3));
    }
}
