using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// For every event type of every provider, the handler calls to make, computed once from the registrations:
/// finding them for a delivery is a lookup by provider and an array index (catalog index).
/// </summary>
internal sealed class WebhookRouteTable
{
    private readonly Dictionary<WebhookProvider, WebhookRoute[][]> _routes = new();

    /// <param name="handlers">The handler classes, in registration order.</param>
    /// <param name="isSingleton">Whether a handler class is registered as a singleton.</param>
    /// <param name="parsers">The parser of every configured provider.</param>
    public WebhookRouteTable(IReadOnlyList<WebhookHandlerRegistration> handlers, Func<Type, bool> isSingleton, IEnumerable<IWebhookParser> parsers)
    {
        // One source per handler class: its lifetime is looked up once, and a singleton resolved once for all its routes.
        var sources = handlers.Select(handler => new WebhookHandlerSource(handler.HandlerType, isSingleton(handler.HandlerType))).ToArray();
        var eventTypes = parsers.ToDictionary(parser => parser.Provider, WebhookEventTypes.Of);
        foreach (var (provider, types) in eventTypes)
        {
            _routes[provider] = types.Select(eventType => RoutesFor(eventType, handlers, sources, eventTypes.Values)).ToArray();
        }
    }

    /// <summary>The handler calls for a parsed event, in order.</summary>
    public WebhookRoute[] Find(WebhookEvent webhookEvent)
    {
        int index = webhookEvent.CatalogIndex;
        if (index < 0)
        {
            throw new InvalidOperationException("Only events produced by a parser can be dispatched.");
        }

        return _routes.TryGetValue(webhookEvent.Provider, out WebhookRoute[][]? routes)
            ? routes[index]
            : throw new InvalidOperationException("Only events of a configured provider can be dispatched.");
    }

    /// <summary>Handler classes in registration order; within one class, the broadest interface first.</summary>
    private static WebhookRoute[] RoutesFor(Type eventType, IReadOnlyList<WebhookHandlerRegistration> handlers, WebhookHandlerSource[] sources, IEnumerable<IReadOnlyList<Type>> allEventTypes) =>
        handlers
            .SelectMany((handler, index) => handler.Invokers
                .Where(invoker => invoker.EventType.IsAssignableFrom(eventType))
                .OrderByDescending(invoker => Breadth(invoker.EventType, allEventTypes))
                .ThenBy(invoker => invoker.EventType.FullName, StringComparer.Ordinal)
                .Select(invoker => new WebhookRoute(sources[index], invoker)))
            .ToArray();

    /// <summary>How many event types of all configured providers a handled type covers.</summary>
    internal static int Breadth(Type handledType, IEnumerable<IReadOnlyList<Type>> allEventTypes) =>
        allEventTypes.Sum(types => types.Count(handledType.IsAssignableFrom));
}
