using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>Every record type a provider's events parse to, in catalog order (the unknown event last).</summary>
internal static class WebhookEventTypes
{
    private static readonly Dictionary<WebhookProvider, Type[]> ByProvider = Enum.GetValues<WebhookProvider>().ToDictionary(p => p, Load);

    /// <summary>Providers in enum order.</summary>
    public static IReadOnlyList<WebhookProvider> Providers { get; } = Enum.GetValues<WebhookProvider>();

    /// <summary>The record types of <paramref name="provider"/>; an event's <c>CatalogIndex</c> is its position here.</summary>
    public static IReadOnlyList<Type> Of(WebhookProvider provider) => ByProvider[provider];

    /// <summary>Whether any event of any provider is a <paramref name="handledType"/>.</summary>
    public static bool AnyIs(Type handledType) => ByProvider.Values.Any(types => types.Any(handledType.IsAssignableFrom));

    private static Type[] Load(WebhookProvider provider)
    {
        var table = (IWebhookEventTable)WebhookParsers.Default(provider);
        return table.EventTypes.Select(t => t.EventClrType).Append(table.UnknownEventClrType).ToArray();
    }
}
