using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Replaces the in-memory quarantine store with the Redis one.</summary>
public static class LoanWebhooksRedisQuarantineBuilderExtensions
{
    /// <summary>
    /// Keeps deliveries that did not fit their schema in Redis, shared by every instance that uses the same Redis and
    /// key prefix and surviving their restarts, on the <see cref="IConnectionMultiplexer"/> registered in the
    /// container. Because the store is durable, such a delivery is answered with success once it is stored.
    /// </summary>
    /// <param name="builder">The builder from <c>AddLoanWebhooks</c>.</param>
    /// <param name="configure">Sets the key prefix, capacity, retention and database.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddSingleton&lt;IConnectionMultiplexer&gt;(_ => ConnectionMultiplexer.Connect(config["Redis"]!));
    /// services.AddLoanWebhooks(b => b
    ///     .AddCanopy(o => o.UseSignatureSecret(config["Canopy:Secret"]!))
    ///     .AddHandler&lt;PaymentsHandler&gt;()
    ///     .UseRedisIdempotencyStore(o => o.KeyPrefix = "billing:webhooks:")
    ///     .UseRedisQuarantineStore(o => o.KeyPrefix = "billing:quarantine:"));
    /// </code>
    /// </example>
    public static LoanWebhooksBuilder UseRedisQuarantineStore(this LoanWebhooksBuilder builder, Action<RedisWebhookQuarantineStoreOptions>? configure = null) =>
        UseRedisQuarantineStore(
            builder,
            static services => services.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException(
                "UseRedisQuarantineStore() found no IConnectionMultiplexer in the container. Register one " +
                "(services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration))) or pass a factory to UseRedisQuarantineStore."),
            configure);

    /// <summary>
    /// Keeps deliveries that did not fit their schema in Redis, shared by every instance that uses the same Redis and
    /// key prefix and surviving their restarts, on the connection that <paramref name="connection"/> returns.
    /// </summary>
    /// <param name="builder">The builder from <c>AddLoanWebhooks</c>.</param>
    /// <param name="connection">
    /// Returns the connection, once, when the store is first resolved. The store does not dispose it: return one the
    /// application owns and shares (a <see cref="ConnectionMultiplexer"/> is meant to live as long as the process).
    /// </param>
    /// <param name="configure">Sets the key prefix, capacity, retention and database.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder UseRedisQuarantineStore(
        this LoanWebhooksBuilder builder,
        Func<IServiceProvider, IConnectionMultiplexer> connection,
        Action<RedisWebhookQuarantineStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        builder.Services.AddOptions<RedisWebhookQuarantineStoreOptions>().Configure(configure ?? (static _ => { }));
        builder.Services.Replace(ServiceDescriptor.Singleton<IWebhookQuarantineStore>(services => new RedisWebhookQuarantineStore(
            connection(services),
            services.GetRequiredService<IOptions<RedisWebhookQuarantineStoreOptions>>().Value)));
        return builder;
    }
}
