using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Everything a provider's generated parser knows: discriminator, event types, unknown-event factory.</summary>
internal sealed class WebhookEventCatalog<TEvent>
    where TEvent : WebhookEvent
{
    private readonly Utf8KeyTable<Match> _byValue;
    private readonly Utf8KeyTable<Match> _byUnversionedValue;

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

    public WebhookProvider Provider { get; }

    public WebhookDiscriminator Discriminator { get; }

    /// <summary>UTF-8 member names leading to the provider's deduplication id; empty when it sends none.</summary>
    public byte[][] IdempotencyKeyPath { get; }

    public IReadOnlyList<WebhookEventTypeInfo> EventTypes { get; }

    public Func<string, JsonElement, TEvent> CreateUnknown { get; }

    /// <summary>Events with an <c>x-infer</c> rule, for bodies without a discriminator.</summary>
    public WebhookEventDescriptor<TEvent>[] InferenceCandidates { get; }

    /// <summary>The one event whose inference rule matches the body, or null when none or several do.</summary>
    public Match? Infer(ReadOnlySpan<byte> body, JsonReaderOptions options)
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
    public Type UnknownEventClrType { get; }

    /// <summary>The catalog index of the unknown event: one past the known event types.</summary>
    public int UnknownIndex { get; }

    /// <summary>The event a discriminator value names, and how; null for an unknown value.</summary>
    public Match? Find(ReadOnlySpan<byte> value)
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
