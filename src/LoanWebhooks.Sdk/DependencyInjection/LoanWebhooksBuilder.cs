using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Quarantine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>Enables providers and registers handlers inside <c>services.AddLoanWebhooks(b => …)</c>.</summary>
public sealed class LoanWebhooksBuilder
{
    private readonly LoanWebhooksRegistry _registry;

    internal LoanWebhooksBuilder(IServiceCollection services, LoanWebhooksRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The service collection, for extensions such as the ASP.NET Core package's background processing.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Receives the webhooks of a provider: one of the SDK's (<c>b.AddCanopy(…)</c> and the like call this) or one of
    /// your own, whose events the SDK's generator made from your schemas and whose options derive from
    /// <see cref="WebhookProviderOptions"/>. Its deliveries get the same verification, typed events, unknown events,
    /// idempotency, quarantine and hosting as the built-in providers.
    /// </summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="configure">Sets the verification (required) and limits; runs when the options are first resolved, so it may read configuration.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Another options class was registered for the same provider.</exception>
    public LoanWebhooksBuilder AddProvider<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(Action<TOptions> configure)
        where TOptions : WebhookProviderOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configure);
        WebhookProvider provider = new TOptions().Provider;
        if (_registry.Providers.TryGetValue(provider, out LoanWebhooksRegistry.ProviderRegistration? existing) && existing.OptionsType != typeof(TOptions))
        {
            throw new ArgumentException($"{provider} is already configured by {existing.OptionsType.Name}; one options class per provider.", nameof(TOptions));
        }

        Services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, WebhookProviderOptionsValidator<TOptions>>());
        _registry.Providers[provider] = new LoanWebhooksRegistry.ProviderRegistration(
            typeof(TOptions),
            static services => services.GetRequiredService<IOptions<TOptions>>().Value);
        return this;
    }

    /// <summary>
    /// Registers a handler class for every <see cref="IWebhookHandler{TEvent}"/> it implements. It is resolved from
    /// a DI scope per delivery (registered as scoped unless you registered it yourself). Handlers run in the order
    /// they were added.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The class implements no <see cref="IWebhookHandler{TEvent}"/>, or one whose type no webhook event has.</exception>
    [RequiresDynamicCode("Finds the handled types at run time. In Native AOT apps use AddHandler<THandler, TEvent>().")]
    public LoanWebhooksBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces)] THandler>()
        where THandler : class
    {
        var invokers = typeof(THandler).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWebhookHandler<>))
            .Select(i => WebhookHandlerInvoker.Create(i.GetGenericArguments()[0]))
            .ToArray();
        if (invokers.Length == 0)
        {
            throw new ArgumentException($"{typeof(THandler).FullName} implements no IWebhookHandler<TEvent>, so it would never run.", nameof(THandler));
        }

        return AddHandler<THandler>(invokers);
    }

    /// <summary>Registers a handler class for one <see cref="IWebhookHandler{TEvent}"/> it implements, without run-time type discovery (trimming and Native AOT safe).</summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <typeparam name="TEvent">The handled type.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No webhook event is a <typeparamref name="TEvent"/>.</exception>
    public LoanWebhooksBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler, TEvent>()
        where THandler : class, IWebhookHandler<TEvent>
        where TEvent : class =>
        AddHandler<THandler>(new WebhookHandlerInvoker[] { WebhookHandlerInvoker<TEvent>.Instance });

    /// <summary>
    /// Registers a handler for verified deliveries that do not fit their schema (see <see cref="IWebhookSchemaDriftHandler"/>);
    /// resolved from a DI scope per such delivery (scoped unless you registered it yourself). Handlers run in the order
    /// they were added.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <returns>This builder.</returns>
    public LoanWebhooksBuilder AddSchemaDriftHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IWebhookSchemaDriftHandler
    {
        Services.TryAddScoped<THandler>();
        if (!_registry.DriftHandlers.Contains(typeof(THandler)))
        {
            _registry.DriftHandlers.Add(typeof(THandler));
        }

        return this;
    }

    /// <summary>
    /// Replaces the in-memory quarantine, e.g. with a durable one (<c>UseRedisQuarantineStore</c>), so that drifted
    /// deliveries are answered with success once stored.
    /// </summary>
    /// <typeparam name="TStore">The store, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public LoanWebhooksBuilder UseQuarantineStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookQuarantineStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IWebhookQuarantineStore, TStore>());
        return this;
    }

    /// <summary>Configures the default in-memory quarantine.</summary>
    /// <param name="configure">Sets its limits.</param>
    /// <returns>This builder.</returns>
    public LoanWebhooksBuilder ConfigureInMemoryQuarantineStore(Action<InMemoryWebhookQuarantineStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    /// <summary>Replaces the in-memory idempotency store, e.g. with a shared one when several instances receive webhooks.</summary>
    /// <typeparam name="TStore">The store, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public LoanWebhooksBuilder UseIdempotencyStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookIdempotencyStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IWebhookIdempotencyStore, TStore>());
        return this;
    }

    /// <summary>Configures the default in-memory idempotency store.</summary>
    /// <param name="configure">Sets its limits.</param>
    /// <returns>This builder.</returns>
    public LoanWebhooksBuilder ConfigureInMemoryIdempotencyStore(Action<InMemoryWebhookIdempotencyStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
        return this;
    }

    private LoanWebhooksBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(WebhookHandlerInvoker[] invokers)
        where THandler : class
    {
        foreach (WebhookHandlerInvoker invoker in invokers)
        {
            if (!WebhookEventTypes.AnyIs(invoker.EventType))
            {
                throw new ArgumentException(
                    $"{typeof(THandler).FullName} implements IWebhookHandler<{invoker.EventType.Name}>, but no webhook event is a {invoker.EventType.Name}. " +
                    "Handle an event record, a provider's or family's base event (PayitoffEvent, PayitoffConnectivityEvent…), WebhookEvent, or an interface events implement such as IUnknownWebhookEvent.",
                    nameof(THandler));
            }
        }

        Services.TryAddScoped<THandler>();
        _registry.AddHandler(typeof(THandler), invokers);
        return this;
    }
}
