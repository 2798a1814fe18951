using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Tool;

/// <summary>One event type a provider sends, as the SDK's parser knows it: its record and the family record it derives from.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="Info">The parser's entry: event type, aliases, record type.</param>
/// <param name="FamilyRecord">The family's base record (<c>ReceeveClaimEvent</c>), or null for an event in no family.</param>
internal sealed record EventCatalogEntry(WebhookProvider Provider, WebhookEventTypeInfo Info, Type? FamilyRecord)
{
    public string ProviderName => Provider.ToString().ToLowerInvariant();

    /// <summary>The family's name (<c>Claim</c>): the family record's name without the provider prefix and <c>Event</c>.</summary>
    public string? Family => FamilyRecord is null
        ? null
        : FamilyRecord.Name.Substring(Provider.ToString().Length, FamilyRecord.Name.Length - Provider.ToString().Length - "Event".Length);

    /// <summary>Every event type of the given providers (all of them when null), from the SDK's parsers, in the parsers' order.</summary>
    public static IReadOnlyList<EventCatalogEntry> For(WebhookProvider? provider) =>
        WebhookProvider.BuiltIn
            .Where(p => provider is null || p == provider)
            .SelectMany(p => BuiltInWebhookParsers.Default(p).EventTypes.Select(info => new EventCatalogEntry(p, info, FamilyRecordOf(info.EventClrType))))
            .ToList();

    /// <summary>
    /// An event's record derives from its family's generated base record, which derives from the provider's base
    /// record (<c>ReceeveClaimCreatedEvent : ReceeveClaimEvent : ReceeveEvent : WebhookEvent</c>); an event in no
    /// family derives from the provider's base record directly.
    /// </summary>
    private static Type? FamilyRecordOf(Type eventRecord)
    {
        Type? parent = eventRecord.BaseType;
        return parent?.BaseType is { } grandparent && grandparent != typeof(WebhookEvent) ? parent : null;
    }
}
