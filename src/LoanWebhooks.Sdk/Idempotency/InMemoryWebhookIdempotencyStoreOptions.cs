using System;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>Limits of the <see cref="InMemoryWebhookIdempotencyStore"/>.</summary>
public sealed class InMemoryWebhookIdempotencyStoreOptions
{
    private int _maxEntries = 100_000;
    private TimeSpan _completedRetention = TimeSpan.FromHours(24);
    private TimeSpan _claimLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Most keys kept at once (default 100,000, a few tens of MiB at most). When full, expired entries go first, then
    /// the oldest completed delivery is forgotten (so a very old redelivery may be processed again); a claim still
    /// running is never forgotten: when every entry is one, a new claim throws <see cref="WebhookIdempotencyStoreFullException"/>
    /// and the dispatcher answers with a status the provider retries.
    /// </summary>
    public int MaxEntries
    {
        get => _maxEntries;
        set => _maxEntries = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxEntries must be positive.");
    }

    /// <summary>How long a processed delivery is remembered (default 24 hours).</summary>
    public TimeSpan CompletedRetention
    {
        get => _completedRetention;
        set => _completedRetention = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "CompletedRetention must be positive.");
    }

    /// <summary>
    /// How long a claim blocks other deliveries of its key before it expires as abandoned (default 5 minutes).
    /// Make it longer than your slowest handler run, including the wait in a background queue.
    /// </summary>
    public TimeSpan ClaimLease
    {
        get => _claimLease;
        set => _claimLease = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ClaimLease must be positive.");
    }
}
