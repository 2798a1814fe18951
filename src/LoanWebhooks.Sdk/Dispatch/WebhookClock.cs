using System;
using System.Threading;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// The dispatcher's clock: a monotonic timestamp per delivery, and its wall-clock time worked out from an anchor
/// instead of a second clock read per delivery (a clock read costs 20–150 ns, depending on the machine's clock source).
/// </summary>
/// <remarks>
/// The anchor pairs both clocks and is taken again once it is a minute old, so a wall-clock time is off by at most the
/// drift between the two clocks over a minute (well under a millisecond with NTP slewing), and a step of the wall clock
/// shows within a minute.
/// </remarks>
internal sealed class WebhookClock
{
    private static readonly TimeSpan AnchorLifetime = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;
    private Anchor _anchor;

    public WebhookClock(TimeProvider time)
    {
        _time = time;
        _anchor = new Anchor(time.GetTimestamp(), time.GetUtcNow());
    }

    public long GetTimestamp() => _time.GetTimestamp();

    public TimeSpan GetElapsedTime(long startTimestamp) => _time.GetElapsedTime(startTimestamp);

    /// <summary>The UTC wall-clock time at which <paramref name="timestamp"/> (from <see cref="GetTimestamp"/>) was taken.</summary>
    public DateTimeOffset WallTimeOf(long timestamp)
    {
        Anchor anchor = Volatile.Read(ref _anchor);
        TimeSpan since = _time.GetElapsedTime(anchor.Timestamp, timestamp);
        if (since.Duration() > AnchorLifetime)
        {
            anchor = new Anchor(_time.GetTimestamp(), _time.GetUtcNow());
            Volatile.Write(ref _anchor, anchor);
            since = _time.GetElapsedTime(anchor.Timestamp, timestamp);
        }

        return anchor.UtcNow + since;
    }

    private sealed record Anchor(long Timestamp, DateTimeOffset UtcNow);
}
