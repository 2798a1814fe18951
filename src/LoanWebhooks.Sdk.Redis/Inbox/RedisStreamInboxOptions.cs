using System;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>Keys, bounds and timings of the Redis Streams inbox (<c>o.UseRedisStreams(r => …)</c>) and its workers.</summary>
public sealed class RedisStreamInboxOptions
{
    private string _streamKey = "loanwebhooks:{inbox}";
    private string _consumerGroup = "loanwebhooks";
    private string _consumerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private long _maxLength = 100_000;
    private int _maxAttempts = 5;
    private TimeSpan _claimIdleTime = TimeSpan.FromSeconds(30);
    private int _workerConcurrency = Environment.ProcessorCount;
    private TimeSpan _pollInterval = TimeSpan.FromMilliseconds(200);
    private TimeSpan _commandTimeout = TimeSpan.FromSeconds(1);
    private TimeSpan _shutdownTimeout = TimeSpan.FromSeconds(20);
    private int? _database;

    /// <summary>
    /// The stream deliveries wait in (default <c>loanwebhooks:{inbox}</c>). The dead-letter stream and the attempt
    /// counters live beside it (<c>…:dead</c>, <c>…:attempts</c>, <c>…:errors</c>); keep a <c>{hash tag}</c> in it
    /// on Redis Cluster, so all of them are in one slot.
    /// </summary>
    public string StreamKey
    {
        get => _streamKey;
        set => _streamKey = !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException("StreamKey must not be empty.", nameof(value));
    }

    /// <summary>The consumer group every worker reads through (default <c>loanwebhooks</c>); the same for every worker of one application.</summary>
    public string ConsumerGroup
    {
        get => _consumerGroup;
        set => _consumerGroup = !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException("ConsumerGroup must not be empty.", nameof(value));
    }

    /// <summary>This process's name in the group (default: machine, process id and a random suffix); unique per worker process.</summary>
    public string ConsumerName
    {
        get => _consumerName;
        set => _consumerName = !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException("ConsumerName must not be empty.", nameof(value));
    }

    /// <summary>
    /// Deliveries that may wait or run at once (default 100 000). A delivery that finds the inbox full is answered with
    /// the provider's retryable status, never with success.
    /// </summary>
    public long MaxLength
    {
        get => _maxLength;
        set => _maxLength = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxLength must be positive.");
    }

    /// <summary>
    /// Handler runs of one delivery, counting runs cut short by a dying worker, before it moves to the dead-letter
    /// stream (default 5).
    /// </summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxAttempts must be positive.");
    }

    /// <summary>
    /// How long a taken delivery may go without its worker's heartbeat before another worker takes it over
    /// (<c>XAUTOCLAIM</c>; default 30 seconds). Also the wait before a failed delivery is tried again. A live worker
    /// renews every delivery it runs three times per period, so handlers may take longer than this.
    /// </summary>
    public TimeSpan ClaimIdleTime
    {
        get => _claimIdleTime;
        set => _claimIdleTime = value >= TimeSpan.FromMilliseconds(30) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ClaimIdleTime must be at least 30 milliseconds.");
    }

    /// <summary>Deliveries one worker process runs at the same time (default: the processor count).</summary>
    public int WorkerConcurrency
    {
        get => _workerConcurrency;
        set => _workerConcurrency = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "WorkerConcurrency must be positive.");
    }

    /// <summary>How long an idle worker waits before looking for work again (default 200 ms).</summary>
    public TimeSpan PollInterval
    {
        get => _pollInterval;
        set => _pollInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "PollInterval must be positive.");
    }

    /// <summary>
    /// How long storing a delivery may wait for Redis before the provider is answered with its retryable status
    /// (default 1 second). While the connection is down it is not waited for at all.
    /// </summary>
    public TimeSpan CommandTimeout
    {
        get => _commandTimeout;
        set => _commandTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "CommandTimeout must be positive.");
    }

    /// <summary>
    /// How long running handlers may finish when the host stops (default 20 seconds); then they are cancelled and their
    /// deliveries handed back to the group, without counting an attempt. Keep it below the host's
    /// <c>HostOptions.ShutdownTimeout</c> (30 seconds by default), after which the host stops waiting for the workers.
    /// </summary>
    public TimeSpan ShutdownTimeout
    {
        get => _shutdownTimeout;
        set => _shutdownTimeout = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "ShutdownTimeout must not be negative.");
    }

    /// <summary>
    /// Whether this process also runs workers (default true). Set it to false in web instances that only receive,
    /// when a separate worker service (<c>AddRedisStreamWorkers</c>) runs the handlers.
    /// </summary>
    public bool RunWorkers { get; set; } = true;

    /// <summary>The Redis database number; <see langword="null"/> (default) for the connection's default database.</summary>
    public int? Database
    {
        get => _database;
        set => _database = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Database must not be negative.");
    }

    internal string DeadLetterStreamKey => StreamKey + ":dead";

    internal string AttemptsKey => StreamKey + ":attempts";

    internal string ErrorsKey => StreamKey + ":errors";
}
