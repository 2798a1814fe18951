using System;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>Limits of the <see cref="InMemoryWebhookQuarantineStore"/>.</summary>
public sealed class InMemoryWebhookQuarantineStoreOptions
{
    private int _maxEntries = 1_000;
    private long _maxTotalBodyBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Most entries kept at once (default 1,000). Beyond it the oldest is forgotten: nothing is lost by that, because a
    /// memory store is not durable and the provider was answered with a retryable status and keeps its own copy.
    /// </summary>
    public int MaxEntries
    {
        get => _maxEntries;
        set => _maxEntries = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxEntries must be positive.");
    }

    /// <summary>Most body bytes kept at once (default 64 MiB); beyond it the oldest entries are forgotten first.</summary>
    public long MaxTotalBodyBytes
    {
        get => _maxTotalBodyBytes;
        set => _maxTotalBodyBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxTotalBodyBytes must be positive.");
    }
}
