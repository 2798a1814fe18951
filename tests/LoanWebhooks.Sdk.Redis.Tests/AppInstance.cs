using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>
/// One instance of a webhook-receiving application: its own container, dispatcher and Redis connection, with
/// Payitoff and Spinwheel enabled and the handlers a test adds. Instances given the same <see cref="HandlerRuns"/>
/// report into it, as a shared database would. Payitoff opts into body deduplication: it sends no delivery id, and
/// these tests are about the shared idempotency store, which Payitoff uses only then.
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
            b.AddPayitoff(o => o.UseSharedSecretHeader(SecretHeader, Secret).DeduplicateIdenticalBodies())
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

    public IWebhookQuarantine Quarantine => _services.GetRequiredService<IWebhookQuarantine>();

    public ValueTask<WebhookDispatchResult> DispatchAsync(DocumentedSample sample) =>
        DispatchAsync(sample.Provider, sample.Body, sample.Provider == WebhookProvider.Spinwheel ? sample.EventType : null);

    /// <summary>Dispatches a body of the test's own, authenticated like every delivery to this instance.</summary>
    public ValueTask<WebhookDispatchResult> DispatchAsync(WebhookProvider provider, ReadOnlyMemory<byte> body, string? expectedEventType = null) =>
        Dispatcher.DispatchAsync(new WebhookDelivery(
            provider,
            body,
            new WebhookHeaders(new[] { KeyValuePair.Create(SecretHeader, (string?)Secret) }),
            remoteIpAddress: null,
            expectedEventType));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
