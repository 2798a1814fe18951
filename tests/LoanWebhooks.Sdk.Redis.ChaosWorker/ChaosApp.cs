using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Redis.Inbox;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.ChaosWorker;

/// <summary>
/// The webhook application of the chaos runs, the same in receiving instances and worker processes: Spinwheel
/// authenticated by a header secret, the Redis idempotency store and inbox under one run's prefix, and the
/// <see cref="CompletionRecordingHandler"/>.
/// </summary>
public static class ChaosApp
{
    public const string SecretHeader = "X-Chaos-Secret";
    public const string Secret = "chaos-secret-0123456789abcdef0123456789";

    /// <summary>
    /// Short timings, so a run takes seconds: takeover after three seconds without a heartbeat (longer than the
    /// Redis restart of the chaos run, as the idle time must be longer than the outages a worker should ride out),
    /// leases of three.
    /// </summary>
    public static void ConfigureInbox(RedisStreamInboxOptions inbox, string prefix)
    {
        inbox.StreamKey = prefix + "{inbox}";
        inbox.ClaimIdleTime = TimeSpan.FromSeconds(3);
        inbox.PollInterval = TimeSpan.FromMilliseconds(50);
        inbox.WorkerConcurrency = 4;
        inbox.MaxAttempts = 5;
        inbox.ShutdownTimeout = TimeSpan.FromSeconds(1.5);
        inbox.CommandTimeout = TimeSpan.FromMilliseconds(500);
    }

    public static void AddServices(IServiceCollection services, ConfigurationOptions redis, string prefix, TimeSpan handlerDelay) =>
        AddServices(services, redis, new CompletionRecords(prefix, handlerDelay));

    public static void AddServices(IServiceCollection services, ConfigurationOptions redis, CompletionRecords records)
    {
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddSingleton(records);
    }

    /// <param name="b">The builder.</param>
    /// <param name="prefix">The run's key prefix.</param>
    /// <param name="commandTimeout">
    /// How long a claim may wait for Redis: 500 ms where a provider retries (HTTP runs), longer where a test calls the
    /// dispatcher once and a slow first command on a busy machine would fail it.
    /// </param>
    public static LoanWebhooksBuilder Configure(LoanWebhooksBuilder b, string prefix, TimeSpan? commandTimeout = null) =>
        b.AddSpinwheel(o => o.Verifier = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = SecretHeader, Secrets = { Secret } }))
            .AddHandler<CompletionRecordingHandler>()
            .UseRedisIdempotencyStore(o =>
            {
                o.KeyPrefix = prefix + "idempotency:";
                // Short: a claim whose release was lost with Redis blocks redeliveries (answered 503) until it expires. The
                // inbox does not need it longer than a heartbeat period: workers renew it, and take it back on takeover.
                o.ClaimLease = TimeSpan.FromSeconds(3);
                // A delivery that reaches Redis just as it dies waits this long for its 503 (the client sees the
                // connection drop a moment later; from then on claims fail without waiting).
                o.CommandTimeout = commandTimeout ?? TimeSpan.FromMilliseconds(500);
            });

    /// <summary>Connection settings for a loopback Redis that is stopped and restarted: reconnect quickly, never hang long.</summary>
    public static ConfigurationOptions Redis(int port) => new()
    {
        EndPoints = { { System.Net.IPAddress.Loopback, port } },
        AbortOnConnectFail = false,
        ConnectTimeout = 1_000,
        AsyncTimeout = 2_000,
        SyncTimeout = 2_000,
        ReconnectRetryPolicy = new LinearRetry(100),
    };
}
