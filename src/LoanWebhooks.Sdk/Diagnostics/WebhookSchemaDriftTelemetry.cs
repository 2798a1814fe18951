using System.Collections.Concurrent;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Events;
using Microsoft.Extensions.Logging;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace LoanWebhooks.Sdk.Diagnostics;

/// <summary>
/// Schema drift seen before it hurts: every verified, parsed event of an unknown type or with members its schema
/// does not describe is counted by provider, event type and member name, and each new (provider, event type,
/// member) is logged once per dispatcher, so a provider adding a field is a dashboard line and one warning, not a
/// surprise later.
/// </summary>
/// <remarks>
/// One per dispatcher, not per process: two apps (or two test hosts) in one process each log what they see, and what
/// one logged never depends on what another received before.
/// </remarks>
internal sealed partial class WebhookSchemaDriftTelemetry
{
    /// <summary>Past this many distinct (provider, event type, member) the rest are counted as <c>_OTHER</c> and no longer logged: names are the provider's, but not a closed set.</summary>
    internal const int MaxDistinctMembers = 1000;

    /// <summary>What this dispatcher logged already.</summary>
    private readonly ConcurrentDictionary<(string Provider, string EventType, string Member), byte> _seen = new();

    private readonly ILogger _logger;

    public WebhookSchemaDriftTelemetry(ILogger logger) => _logger = logger;

    /// <summary>True when <paramref name="webhookEvent"/> shows drift; the check the parse stage makes on every event.</summary>
    public static bool Drifted(WebhookEvent webhookEvent) =>
        webhookEvent.Match == WebhookEventMatch.Unknown || webhookEvent.UnmappedMembers.Count != 0;

    /// <summary>Counts and logs the drift of an event for which <see cref="Drifted"/> is true.</summary>
    public void Observe(WebhookEvent webhookEvent)
    {
        string provider = webhookEvent.Provider.ToString();
        if (webhookEvent.Match == WebhookEventMatch.Unknown)
        {
            string eventType = Admit(provider, WebhookTelemetryTags.UnknownEventTypeName(webhookEvent.EventType), string.Empty, out bool first);
            WebhookTelemetry.UnknownEventTypes.Add(1, new Tag(WebhookTelemetryTags.Provider, provider), new Tag(WebhookTelemetryTags.EventType, eventType));
            if (first)
            {
                UnknownEventType(_logger, provider, eventType);
            }

            return;
        }

        // Indexed: a foreach over the interface would box an enumerator on every drifting delivery.
        IReadOnlyList<string> members = webhookEvent.UnmappedMembers;
        for (int i = 0; i < members.Count; i++)
        {
            string path = Admit(provider, webhookEvent.EventType, WebhookTelemetryTags.MemberPathName(members[i]), out bool first);
            WebhookTelemetry.UnmappedMembers.Add(
                1,
                new Tag(WebhookTelemetryTags.Provider, provider),
                new Tag(WebhookTelemetryTags.EventType, webhookEvent.EventType),
                new Tag(WebhookTelemetryTags.MemberPath, path));
            if (first)
            {
                UnmappedMember(_logger, provider, webhookEvent.EventType, path);
            }
        }
    }

    /// <summary>
    /// The name to count: <paramref name="member"/>, or <paramref name="eventType"/> when that is empty, when it was seen before or
    /// there is room for it, <c>_OTHER</c> once <see cref="MaxDistinctMembers"/> are tracked. <paramref name="first"/>
    /// says whether it is new, and so to be logged.
    /// </summary>
    private string Admit(string provider, string eventType, string member, out bool first)
    {
        first = false;
        string name = member.Length == 0 ? eventType : member;
        if (name == WebhookTelemetryTags.Other || _seen.ContainsKey((provider, eventType, member)))
        {
            return name;
        }

        if (_seen.Count >= MaxDistinctMembers)
        {
            return WebhookTelemetryTags.Other;
        }

        first = _seen.TryAdd((provider, eventType, member), 0);
        return name;
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Schema drift: {Provider} sent {EventType} with the member {MemberPath}, which its schema does not describe; it is kept in ExtensionData. Logged once per event type and member.")]
    private static partial void UnmappedMember(ILogger logger, string provider, string eventType, string memberPath);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Schema drift: {Provider} sent the event type {EventType}, which this SDK version does not know; it is dispatched as the unknown event. Logged once per event type.")]
    private static partial void UnknownEventType(ILogger logger, string provider, string eventType);
}
