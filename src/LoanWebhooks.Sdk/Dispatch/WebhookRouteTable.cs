using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// For every event type of every provider, the handler calls to make, computed once from the registrations:
/// finding them for a delivery is a provider lookup and an array index (the event's catalog index).
/// </summary>
internal sealed class WebhookRouteTable
{
    private readonly FrozenDictionary<WebhookProvider, WebhookRoute[][]> _routes;

    /// <param name="handlers">The handler classes, in registration order.</param>
    /// <param name="isSingleton">Whether a handler class is registered as a singleton.</param>
    public WebhookRouteTable(IReadOnlyList<WebhookHandlerRegistration> handlers, Func<Type, bool> isSingleton)
    {
        // One source per handler class: its lifetime is looked up once, and a singleton resolved once for all its routes.
        var sources = handlers.Select(handler => new WebhookHandlerSource(handler.HandlerType, isSingleton(handler.HandlerType))).ToArray();
        _routes = WebhookEventTypes.Providers.ToFrozenDictionary(
            provider => provider,
            provider => WebhookEventTypes.Of(provider).Select(eventType => RoutesFor(eventType, handlers, sources)).ToArray());
    }

    /// <summary>The handler calls for a parsed event, in order.</summary>
    public WebhookRoute[] Find(WebhookEvent webhookEvent)
    {
        int index = webhookEvent.CatalogIndex;
        if (index < 0)
        {
            throw new InvalidOperationException("Only events produced by a parser can be dispatched.");
        }

        return _routes[webhookEvent.Provider][index];
    }

    /// <summary>Handler classes in registration order; within one class, the broadest interface first.</summary>
    private static WebhookRoute[] RoutesFor(Type eventType, IReadOnlyList<WebhookHandlerRegistration> handlers, WebhookHandlerSource[] sources) =>
        handlers
            .SelectMany((handler, index) => handler.Invokers
                .Where(invoker => invoker.EventType.IsAssignableFrom(eventType))
                .OrderByDescending(invoker => Breadth(invoker.EventType))
                .ThenBy(invoker => invoker.EventType.FullName, StringComparer.Ordinal)
                .Select(invoker => new WebhookRoute(sources[index], invoker)))
            .ToArray();

    /// <summary>How many event types of all providers a handled type covers.</summary>
    internal static int Breadth(Type handledType) =>
        WebhookEventTypes.Providers.Sum(provider => WebhookEventTypes.Of(provider).Count(handledType.IsAssignableFrom));
}
