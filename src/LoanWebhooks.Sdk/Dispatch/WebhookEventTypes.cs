using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>Every record type a provider's events parse to, in catalog order (the unknown event last).</summary>
internal static class WebhookEventTypes
{
    private static readonly Type[] BuiltIn = BuiltInWebhookParsers.All.SelectMany(Of).ToArray();

    /// <summary>The record types of <paramref name="parser"/>'s provider; an event's <c>CatalogIndex</c> is its position here.</summary>
    /// <exception cref="InvalidOperationException">The parser is not a generated one (it does not derive from <see cref="WebhookParser{TEvent}"/>).</exception>
    public static IReadOnlyList<Type> Of(IWebhookParser parser)
    {
        var table = parser as IWebhookEventTable ?? throw new InvalidOperationException(
            $"The {parser.Provider} parser {parser.GetType().Name} does not derive from WebhookParser<TEvent>; return the generated parser from CreateParser.");
        return table.EventTypes.Select(t => t.EventClrType).Append(table.UnknownEventClrType).ToArray();
    }

    /// <summary>
    /// Whether some event can be a <paramref name="handledType"/>: any <see cref="WebhookEvent"/> type (a provider of
    /// your own brings records the builder cannot list when handlers are added), or a type a built-in event is.
    /// </summary>
    public static bool AnyIs(Type handledType) =>
        typeof(WebhookEvent).IsAssignableFrom(handledType) || BuiltIn.Any(handledType.IsAssignableFrom);
}
