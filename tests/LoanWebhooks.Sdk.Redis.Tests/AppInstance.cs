using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>
/// One instance of a webhook-receiving application: its own container, dispatcher and Redis connection, with
/// Payitoff and Spinwheel enabled and the handlers a test adds. Instances given the same <see cref="HandlerRuns"/>
/// report into it, as a shared database would.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private const string SecretHeader = "X-Test-Secret";
    private const string Secret = "correct-horse-battery-staple-0123456789";

    private readonly ServiceProvider _services;

    public AppInstance(ConfigurationOptions redis, HandlerRuns runs, string keyPrefix, Action<LoanWebhooksBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(runs);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        services.AddLoanWebhooks(b =>
        {
            b.AddPayitoff(o => o.UseSharedSecretHeader(SecretHeader, Secret))
                // Only the secret header: these deliveries come from no source address Spinwheel publishes.
                .AddSpinwheel(o => o.Verifier = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = SecretHeader, Secrets = { Secret } }))
                .UseRedisIdempotencyStore(o => o.KeyPrefix = keyPrefix);
            configure(b);
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        // Resolved (and connected) up front, as a host does at start-up: resolving it from many deliveries at once
        // would block thread-pool threads on the synchronous connect that the connect itself needs.
        _ = Dispatcher;
    }

    public IServiceProvider Services => _services;

    public IWebhookDispatcher Dispatcher => _services.GetRequiredService<IWebhookDispatcher>();

    public ValueTask<WebhookDispatchResult> DispatchAsync(DocumentedSample sample) => Dispatcher.DispatchAsync(Delivery(sample));

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static WebhookDelivery Delivery(DocumentedSample sample) =>
        new(
            sample.Provider,
            sample.Body,
            new WebhookHeaders(new[] { KeyValuePair.Create(SecretHeader, (string?)Secret) }),
            remoteIpAddress: null,
            sample.Provider == WebhookProvider.Spinwheel ? sample.EventType : null);
}
