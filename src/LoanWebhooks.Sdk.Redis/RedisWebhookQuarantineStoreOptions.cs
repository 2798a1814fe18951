using System;

namespace LoanWebhooks.Sdk.Redis;

/// <summary>Key layout, capacity and retention of the <see cref="RedisWebhookQuarantineStore"/>.</summary>
public sealed class RedisWebhookQuarantineStoreOptions
{
    private string _keyPrefix = "loanwebhooks:quarantine:";
    private int _maxEntries = 10_000;
    private TimeSpan? _retention;
    private int? _database;

    /// <summary>
    /// Prepended to every Redis key (default <c>loanwebhooks:quarantine:</c>). Give each application that shares a
    /// Redis its own prefix, and every instance of one application the same one: instances with different prefixes
    /// keep separate quarantines. The store wraps it in braces (<c>{loanwebhooks:quarantine:}index</c>), a Redis
    /// Cluster hash tag, so that the index and the entries, which one script updates together, share a slot.
    /// </summary>
    public string KeyPrefix
    {
        get => _keyPrefix;
        set => _keyPrefix = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How many entries the quarantine holds at most (default 10,000). When it is full, adding a new entry throws
    /// <see cref="RedisWebhookQuarantineFullException"/> and stores nothing, so the dispatcher answers a status the
    /// provider retries and the provider keeps its copy; a redelivery of an entry already held is still counted. It
    /// bounds the memory a provider that changed its schema can fill: each entry holds its whole body.
    /// </summary>
    public int MaxEntries
    {
        get => _maxEntries;
        set => _maxEntries = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxEntries must be at least 1.");
    }

    /// <summary>
    /// How long after its first receipt an entry is dropped (default <see langword="null"/>: kept until it is removed).
    /// </summary>
    /// <remarks>
    /// A delivery is answered with success once it is stored here, so the provider no longer holds a copy: an entry
    /// that expires is lost. Set a retention only when losing deliveries that nobody replayed in that time is
    /// acceptable; otherwise watch the count and replay or remove entries. The time is the entry's
    /// <see cref="Quarantine.QuarantinedWebhook.FirstReceivedAt"/> as this application's clock gave it, compared with
    /// Redis's clock; a redelivery does not extend it.
    /// </remarks>
    public TimeSpan? Retention
    {
        get => _retention;
        set => _retention = value is null || value.Value >= TimeSpan.FromMilliseconds(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Retention must be at least one millisecond, or null to keep entries until they are removed.");
    }

    /// <summary>The Redis database number; <see langword="null"/> (default) for the connection's default database.</summary>
    public int? Database
    {
        get => _database;
        set => _database = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Database must not be negative.");
    }
}
