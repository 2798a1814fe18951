using System;

namespace LoanWebhooks.Sdk.Benchmarks.Dispatch;

/// <summary>A clock that costs nothing to read: timestamps count up, the wall clock stands still.</summary>
public sealed class FreeClock : TimeProvider
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => ++_ticks;

    public override DateTimeOffset GetUtcNow() => Now;
}
