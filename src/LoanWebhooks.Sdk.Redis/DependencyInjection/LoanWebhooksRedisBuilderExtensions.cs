using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Replaces the in-memory idempotency store with the Redis one.</summary>
public static class LoanWebhooksRedisBuilderExtensions
{
    /// <summary>
    /// Deduplicates deliveries in Redis, across every instance that uses the same Redis and key prefix, on the
    /// <see cref="IConnectionMultiplexer"/> registered in the container.
    /// </summary>
    /// <param name="builder">The builder from <c>AddLoanWebhooks</c>.</param>
    /// <param name="configure">Sets the key prefix, lifetimes and database.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddSingleton&lt;IConnectionMultiplexer&gt;(_ => ConnectionMultiplexer.Connect(config["Redis"]!));
    /// services.AddLoanWebhooks(b => b
    ///     .AddSpinwheel(o => o.UseSharedSecretHeader("X-Spinwheel-Secret", config["Spinwheel:Secret"]!))
    ///     .AddHandler&lt;LiabilitiesHandler&gt;()
    ///     .UseRedisIdempotencyStore(o => o.KeyPrefix = "billing:webhooks:"));
    /// </code>
    /// </example>
    public static LoanWebhooksBuilder UseRedisIdempotencyStore(this LoanWebhooksBuilder builder, Action<RedisWebhookIdempotencyStoreOptions>? configure = null) =>
        UseRedisIdempotencyStore(
            builder,
            static services => services.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException(
                "UseRedisIdempotencyStore() found no IConnectionMultiplexer in the container. Register one " +
                "(services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration))) or pass a factory to UseRedisIdempotencyStore."),
            configure);

    /// <summary>
    /// Deduplicates deliveries in Redis, across every instance that uses the same Redis and key prefix, on the
    /// connection that <paramref name="connection"/> returns.
    /// </summary>
    /// <param name="builder">The builder from <c>AddLoanWebhooks</c>.</param>
    /// <param name="connection">
    /// Returns the connection, once, when the dispatcher is first resolved. The store does not dispose it: return one the
    /// application owns and shares (a <see cref="ConnectionMultiplexer"/> is meant to live as long as the process).
    /// </param>
    /// <param name="configure">Sets the key prefix, lifetimes and database.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder UseRedisIdempotencyStore(
        this LoanWebhooksBuilder builder,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        Action<RedisWebhookIdempotencyStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        builder.Services.AddOptions<RedisWebhookIdempotencyStoreOptions>().Configure(configure ?? (static _ => { }));
        builder.Services.Replace(ServiceDescriptor.Singleton<IWebhookIdempotencyStore>(services => new RedisWebhookIdempotencyStore(
            connection(services),
            services.GetRequiredService<IOptions<RedisWebhookIdempotencyStoreOptions>>().Value)));
        return builder;
    }
}
