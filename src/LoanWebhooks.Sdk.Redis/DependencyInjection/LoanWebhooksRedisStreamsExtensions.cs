using System;
using LoanWebhooks.Sdk.AspNetCore.Background;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Redis.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Background processing through a durable inbox on Redis Streams, in the web process or a separate worker service.</summary>
public static class LoanWebhooksRedisStreamsExtensions
{
    /// <summary>
    /// Stores every admitted delivery in a Redis stream before the provider is answered, and (unless
    /// <see cref="RedisStreamInboxOptions.RunWorkers"/> is false) runs its handlers from workers in this process.
    /// Deliveries survive a crash or a deploy; several instances and worker services share one inbox. Uses the
    /// <see cref="IConnectionMultiplexer"/> registered in the container.
    /// </summary>
    /// <param name="options">The options of <c>ProcessInBackground(o => …)</c>.</param>
    /// <param name="configure">Sets keys, bounds, attempts and timings.</param>
    /// <returns>The options.</returns>
    /// <example>
    /// <code>
    /// services.AddSingleton&lt;IConnectionMultiplexer&gt;(_ => ConnectionMultiplexer.Connect(config["Redis"]!));
    /// services.AddLoanWebhooks(b => b
    ///     .AddCanopy(o => o.UseSignatureSecret(config["Canopy:Secret"]!))
    ///     .AddHandler&lt;PaymentsHandler&gt;()
    ///     .UseRedisIdempotencyStore()
    ///     .ProcessInBackground(o => o.UseRedisStreams()));
    /// </code>
    /// </example>
    public static WebhookBackgroundOptions UseRedisStreams(this WebhookBackgroundOptions options, Action<RedisStreamInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var inbox = new RedisStreamInboxOptions();
        configure?.Invoke(inbox);
        options.InboxRegistration = services =>
        {
            AddShared(services, inbox);
            services.TryAddSingleton<RedisStreamInbox>(provider => new RedisStreamInbox(
                Connection(provider), inbox, provider.GetRequiredService<Logging.ILogger<RedisStreamInbox>>()));
            services.TryAddSingleton<IWebhookInbox>(static provider => provider.GetRequiredService<RedisStreamInbox>());
            if (inbox.RunWorkers)
            {
                AddWorkers(services);
            }
        };
        return options;
    }

    /// <summary>
    /// Runs the handlers of deliveries that web instances stored with <c>ProcessInBackground(o => o.UseRedisStreams(…))</c>:
    /// for a worker service without endpoints. Give it the same providers, handlers, idempotency store and inbox keys.
    /// </summary>
    /// <param name="builder">The builder from <c>AddLoanWebhooks</c>.</param>
    /// <param name="configure">Sets keys, attempts, concurrency and timings.</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder AddRedisStreamWorkers(this LoanWebhooksBuilder builder, Action<RedisStreamInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var inbox = new RedisStreamInboxOptions();
        configure?.Invoke(inbox);
        AddShared(builder.Services, inbox);
        AddWorkers(builder.Services);
        return builder;
    }

    private static void AddShared(IServiceCollection services, RedisStreamInboxOptions inbox)
    {
        services.TryAddSingleton(inbox);
        services.TryAddSingleton(provider => new RedisWebhookDeadLetters(Connection(provider), provider.GetRequiredService<RedisStreamInboxOptions>()));
    }

    private static void AddWorkers(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisStreamWorker>());

    private static IConnectionMultiplexer Connection(IServiceProvider services) =>
        services.GetService<IConnectionMultiplexer>() ?? throw new InvalidOperationException(
            "UseRedisStreams() and AddRedisStreamWorkers() found no IConnectionMultiplexer in the container. Register one " +
            "(services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration))).");
}
