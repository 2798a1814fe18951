using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// A container with all four providers enabled (each verified by a secret header) and the handlers a test adds;
/// deliveries of the documented samples carry the right secret unless told otherwise. Payitoff deduplicates identical
/// bodies here (an opt-in), so that tests of idempotency can use any provider's samples; the default, at-least-once,
/// has its own tests (PayitoffAtLeastOnceTests).
/// </summary>
public sealed class DispatchTestHost : IAsyncDisposable
{
    public const string SecretHeader = "X-Test-Secret";
    public const string Secret = "correct-horse-battery-staple-0123456789";

    private readonly ServiceProvider _services;

    /// <param name="configure">Adds handlers and options to <c>AddLoanWebhooks</c>.</param>
    /// <param name="services">Registrations made after <c>AddLoanWebhooks</c>.</param>
    /// <param name="payitoffDeduplicatesBodies">Whether Payitoff opts into deduplicating identical bodies.</param>
    /// <param name="servicesBefore">Registrations made before <c>AddLoanWebhooks</c>.</param>
    public DispatchTestHost(
        Action<LoanWebhooksBuilder> configure,
        Action<IServiceCollection>? services = null,
        bool payitoffDeduplicatesBodies = true,
        Action<IServiceCollection>? servicesBefore = null)
    {
        var collection = new ServiceCollection();
        servicesBefore?.Invoke(collection);
        collection.AddSingleton<HandlerCalls>();
        collection.AddSingleton<FailureSwitch>();
        collection.AddSingleton<Gate>();
        collection.AddScoped<ScopedDependency>();
        collection.AddScoped<TrackedDisposable>();
        collection.AddSingleton<ScopeObservations>();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<ILoggerFactory>(Logs);
        collection.AddLoanWebhooks(b =>
        {
            foreach (ProviderTestProfile profile in ProviderTestProfiles.All)
            {
                profile.AddProvider(b, o => o.Verifier = HeaderVerifier());
            }

            if (payitoffDeduplicatesBodies)
            {
                b.AddPayitoff(o => o.DeduplicateIdenticalBodies());
            }
            configure(b);
        });
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public ManualTimeProvider Time { get; } = new();

    public CapturingLoggerFactory Logs { get; } = new();

    public IServiceProvider Services => _services;

    public IWebhookDispatcher Dispatcher => _services.GetRequiredService<IWebhookDispatcher>();

    public HandlerCalls Calls => _services.GetRequiredService<HandlerCalls>();

    public static WebhookDelivery Delivery(DocumentedSample sample, string? secret = Secret) =>
        Delivery(sample.Provider, sample.Body, secret, ProviderTestProfiles.For(sample.Provider).ExpectedEventTypeFor(sample.EventType));

    public static WebhookDelivery Delivery(WebhookProvider provider, ReadOnlyMemory<byte> body, string? secret = Secret, string? expectedEventType = null) =>
        new(
            provider,
            body,
            secret is null ? WebhookHeaders.Empty : new WebhookHeaders(new[] { KeyValuePair.Create(SecretHeader, (string?)secret) }),
            remoteIpAddress: null,
            expectedEventType);

    public static DocumentedSample Sample(WebhookProvider provider, string eventType) => DocumentedSamples.Get(provider, eventType);

    public ValueTask<WebhookDispatchResult> DispatchAsync(DocumentedSample sample) => Dispatcher.DispatchAsync(Delivery(sample));

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static SharedSecretHeaderVerifier HeaderVerifier() =>
        new(new SharedSecretHeaderOptions { HeaderName = SecretHeader, Secrets = { Secret } });
}
