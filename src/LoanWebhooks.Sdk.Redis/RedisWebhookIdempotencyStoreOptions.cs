using System;

namespace LoanWebhooks.Sdk.Redis;

/// <summary>Key layout and lifetimes of the <see cref="RedisWebhookIdempotencyStore"/>.</summary>
public sealed class RedisWebhookIdempotencyStoreOptions
{
    private string _keyPrefix = "loanwebhooks:idempotency:";
    private TimeSpan _claimLease = TimeSpan.FromMinutes(5);
    private TimeSpan _completedRetention = TimeSpan.FromHours(24);
    private TimeSpan _commandTimeout = TimeSpan.FromSeconds(1);
    private int? _database;

    /// <summary>
    /// Prepended to every Redis key (default <c>loanwebhooks:idempotency:</c>). Give each application that shares a
    /// Redis its own prefix, and every instance of one application the same one: instances with different prefixes
    /// do not see each other's claims.
    /// </summary>
    public string KeyPrefix
    {
        get => _keyPrefix;
        set => _keyPrefix = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// How long a claim blocks other deliveries of its key before it expires as abandoned, e.g. when the instance
    /// that claimed it died (default 5 minutes). Make it longer than your slowest handler run, including any wait in
    /// a background queue: once it expires a redelivery may run the handlers a second time.
    /// </summary>
    public TimeSpan ClaimLease
    {
        get => _claimLease;
        set => _claimLease = value >= TimeSpan.FromMilliseconds(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ClaimLease must be at least one millisecond.");
    }

    /// <summary>
    /// How long a processed delivery is remembered (default 24 hours). Make it longer than the provider's
    /// redelivery window; a redelivery after it is processed again.
    /// </summary>
    public TimeSpan CompletedRetention
    {
        get => _completedRetention;
        set => _completedRetention = value >= TimeSpan.FromMilliseconds(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "CompletedRetention must be at least one millisecond.");
    }

    /// <summary>
    /// How long a claim (or a release) may wait for Redis before the delivery is answered with the provider's
    /// retryable status (default 1 second). While the connection is down they do not wait at all.
    /// </summary>
    public TimeSpan CommandTimeout
    {
        get => _commandTimeout;
        set => _commandTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "CommandTimeout must be positive.");
    }

    /// <summary>The Redis database number; <see langword="null"/> (default) for the connection's default database.</summary>
    public int? Database
    {
        get => _database;
        set => _database = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Database must not be negative.");
    }
}
