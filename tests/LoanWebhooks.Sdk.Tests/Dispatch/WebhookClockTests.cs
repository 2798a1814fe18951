using System;
using LoanWebhooks.Sdk.Dispatch;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The wall-clock time of a delivery comes from its monotonic timestamp and an anchor taken again every minute.</summary>
public sealed class WebhookClockTests
{
    [Fact]
    public void A_timestamp_maps_to_the_wall_clock_time_it_was_taken_at()
    {
        var time = new SplitClock();
        var clock = new WebhookClock(time);
        time.Advance(TimeSpan.FromSeconds(42));

        long timestamp = clock.GetTimestamp();
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(SplitClock.Start + TimeSpan.FromSeconds(42), clock.WallTimeOf(timestamp));
        Assert.Equal(TimeSpan.FromSeconds(5), clock.GetElapsedTime(timestamp));
    }

    [Fact]
    public void A_wall_clock_step_shows_once_the_anchor_is_a_minute_old()
    {
        var time = new SplitClock();
        var clock = new WebhookClock(time);
        time.StepWallClock(TimeSpan.FromHours(1));

        time.Advance(TimeSpan.FromSeconds(30));
        DateTimeOffset beforeReanchor = clock.WallTimeOf(clock.GetTimestamp());
        time.Advance(TimeSpan.FromSeconds(31));
        DateTimeOffset afterReanchor = clock.WallTimeOf(clock.GetTimestamp());

        Assert.Equal(SplitClock.Start + TimeSpan.FromSeconds(30), beforeReanchor);
        Assert.Equal(SplitClock.Start + TimeSpan.FromHours(1) + TimeSpan.FromSeconds(61), afterReanchor);
    }

    [Fact]
    public void A_timestamp_from_before_the_anchor_maps_back_in_time()
    {
        var time = new SplitClock();
        var clock = new WebhookClock(time);
        long early = clock.GetTimestamp();
        time.Advance(TimeSpan.FromMinutes(5));
        clock.WallTimeOf(clock.GetTimestamp());

        Assert.Equal(SplitClock.Start, clock.WallTimeOf(early));
    }

    /// <summary>A monotonic clock and a wall clock that can be stepped apart, as NTP or an operator can.</summary>
    private sealed class SplitClock : TimeProvider
    {
        public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        private long _ticks = 1_000_000;
        private DateTimeOffset _wall = Start;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => _wall;

        public void Advance(TimeSpan by)
        {
            _ticks += by.Ticks;
            _wall += by;
        }

        public void StepWallClock(TimeSpan by) => _wall += by;
    }
}
