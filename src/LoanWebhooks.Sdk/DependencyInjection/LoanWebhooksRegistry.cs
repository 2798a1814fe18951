using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>What <c>AddLoanWebhooks</c> calls registered: enabled providers and handler classes, in order. One per service collection.</summary>
internal sealed class LoanWebhooksRegistry
{
    private readonly List<WebhookHandlerRegistration> _handlers = new();
    private readonly IServiceCollection _services;

    public LoanWebhooksRegistry(IServiceCollection services) => _services = services;

    /// <summary>Each enabled provider's options class and how to resolve its options (validated on first access).</summary>
    public Dictionary<WebhookProvider, ProviderRegistration> Providers { get; } = new();

    public IReadOnlyList<WebhookHandlerRegistration> Handlers => _handlers;

    /// <summary>Schema-drift handler classes, in the order they were added.</summary>
    public List<Type> DriftHandlers { get; } = new();

    /// <summary>
    /// Whether the handler class's effective registration (the last one, as the container resolves it) is a singleton.
    /// Read when the dispatcher is built, so registrations made after <c>AddLoanWebhooks</c> count too.
    /// </summary>
    public bool IsSingleton(Type handlerType) =>
        _services.LastOrDefault(d => d.ServiceType == handlerType && !d.IsKeyedService)?.Lifetime == ServiceLifetime.Singleton;

    /// <summary>Adds a handler class, or more handled types to one added before (which keeps its place in the order).</summary>
    public void AddHandler(Type handlerType, IEnumerable<WebhookHandlerInvoker> invokers)
    {
        int index = _handlers.FindIndex(h => h.HandlerType == handlerType);
        if (index < 0)
        {
            _handlers.Add(new WebhookHandlerRegistration(handlerType, invokers.ToArray()));
            return;
        }

        var merged = _handlers[index].Invokers.Concat(invokers).DistinctBy(i => i.EventType).ToArray();
        _handlers[index] = new WebhookHandlerRegistration(handlerType, merged);
    }

    /// <summary>An enabled provider: its options class, and how to resolve its options.</summary>
    public sealed record ProviderRegistration(Type OptionsType, Func<IServiceProvider, WebhookProviderOptions> Resolve);
}
