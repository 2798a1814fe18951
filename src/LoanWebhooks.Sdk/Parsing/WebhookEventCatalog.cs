using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Everything a provider's generated parser knows: discriminator, event types, unknown-event factory.</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WebhookEventCatalog<TEvent>
    where TEvent : WebhookEvent
{
    private readonly Utf8KeyTable<Match> _byValue;
    private readonly Utf8KeyTable<Match> _byUnversionedValue;

    /// <summary>Describes a provider's events for its generated parser.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="discriminator">Where the event type is.</param>
    /// <param name="idempotencyKeyPath">The member names leading to the deduplication id (<c>x-idempotency-key</c>); empty when there is none.</param>
    /// <param name="events">The known events; an event's position is its catalog index.</param>
    /// <param name="createUnknown">Creates the provider's unknown event.</param>
    /// <param name="unknownEventClrType">The unknown event's type.</param>
    public WebhookEventCatalog(
        WebhookProvider provider,
        WebhookDiscriminator discriminator,
        string[] idempotencyKeyPath,
        WebhookEventDescriptor<TEvent>[] events,
        Func<string, JsonElement, TEvent> createUnknown,
        Type unknownEventClrType)
    {
        Provider = provider;
        Discriminator = discriminator;
        IdempotencyKeyPath = idempotencyKeyPath.Select(Encoding.UTF8.GetBytes).ToArray();
        CreateUnknown = createUnknown;

        UnknownEventClrType = unknownEventClrType;
        UnknownIndex = events.Length;
        for (int i = 0; i < events.Length; i++)
        {
            events[i].Index = i;
        }

        EventTypes = events
            .Select(e => new WebhookEventTypeInfo(e.EventType, Array.AsReadOnly(e.Aliases), e.EventClrType))
            .ToList()
            .AsReadOnly();

        var byValue = new List<KeyValuePair<byte[], Match>>();
        var byUnversioned = new List<KeyValuePair<byte[], Match>>();
        foreach (var descriptor in events)
        {
            byValue.Add(Entry(descriptor.EventType, new Match(descriptor, WebhookEventMatch.Exact)));
            foreach (string alias in descriptor.Aliases)
            {
                byValue.Add(Entry(alias, new Match(descriptor, WebhookEventMatch.Alias)));
            }

            if (discriminator.IsVersioned && VersionedEventType.TryStripVersion(Encoding.UTF8.GetBytes(descriptor.EventType), out var unversioned))
            {
                byUnversioned.Add(new(unversioned.ToArray(), new Match(descriptor, WebhookEventMatch.VersionFallback)));
            }
        }

        InferenceCandidates = events.Where(e => e.Inference is not null).ToArray();
        _byValue = new Utf8KeyTable<Match>(byValue);
        _byUnversionedValue = new Utf8KeyTable<Match>(byUnversioned);
    }

    internal WebhookProvider Provider { get; }

    internal WebhookDiscriminator Discriminator { get; }

    /// <summary>UTF-8 member names leading to the provider's deduplication id; empty when it sends none.</summary>
    internal byte[][] IdempotencyKeyPath { get; }

    internal IReadOnlyList<WebhookEventTypeInfo> EventTypes { get; }

    internal Func<string, JsonElement, TEvent> CreateUnknown { get; }

    /// <summary>Events with an <c>x-infer</c> rule, for bodies without a discriminator.</summary>
    internal WebhookEventDescriptor<TEvent>[] InferenceCandidates { get; }

    /// <summary>The one event whose inference rule matches the body, or null when none or several do.</summary>
    internal Match? Infer(ReadOnlySpan<byte> body, JsonReaderOptions options)
    {
        WebhookEventDescriptor<TEvent>? found = null;
        foreach (var candidate in InferenceCandidates)
        {
            if (candidate.Inference!.Matches(body, options))
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found is null ? null : new Match(found, WebhookEventMatch.Inferred);
    }

    /// <summary>The provider's unknown-event record type.</summary>
    internal Type UnknownEventClrType { get; }

    /// <summary>The catalog index of the unknown event: one past the known event types.</summary>
    internal int UnknownIndex { get; }

    /// <summary>The event a discriminator value names, and how; null for an unknown value.</summary>
    internal Match? Find(ReadOnlySpan<byte> value)
    {
        if (_byValue.Find(value) is { } match)
        {
            return match;
        }

        // A known event in a version we do not know yet: same shape until proven otherwise, and flagged.
        return Discriminator.IsVersioned && VersionedEventType.TryStripVersion(value, out var unversioned)
            ? _byUnversionedValue.Find(unversioned)
            : null;
    }

    private static KeyValuePair<byte[], Match> Entry(string key, Match match) => new(Encoding.UTF8.GetBytes(key), match);

    /// <summary>A resolved discriminator value.</summary>
    internal sealed class Match
    {
        public Match(WebhookEventDescriptor<TEvent> descriptor, WebhookEventMatch kind)
        {
            Descriptor = descriptor;
            Kind = kind;
        }

        public WebhookEventDescriptor<TEvent> Descriptor { get; }

        public WebhookEventMatch Kind { get; }
    }
}
