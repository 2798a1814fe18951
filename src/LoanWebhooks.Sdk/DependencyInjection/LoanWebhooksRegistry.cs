using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>What <c>AddLoanWebhooks</c> calls registered: enabled providers and handler classes, in order. One per service collection.</summary>
internal sealed class LoanWebhooksRegistry
{
    private readonly List<WebhookHandlerRegistration> _handlers = new();

    /// <summary>Resolves each enabled provider's options (validated on first access).</summary>
    public Dictionary<WebhookProvider, Func<IServiceProvider, WebhookProviderOptions>> Providers { get; } = new();

    public IReadOnlyList<WebhookHandlerRegistration> Handlers => _handlers;

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
}
