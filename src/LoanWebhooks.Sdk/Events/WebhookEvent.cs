using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json.Serialization;

namespace LoanWebhooks.Sdk.Events;

/// <summary>
/// Base of every typed webhook event. Each provider has its own abstract base
/// (<c>PayitoffEvent</c>, <c>CanopyEvent</c>, …) with one sealed record per documented event type
/// and an unknown-event record for everything else.
/// </summary>
public abstract record WebhookEvent
{
    /// <summary>For the generated base record of each provider, in this SDK or in your own assembly.</summary>
    protected WebhookEvent()
    {
    }

    /// <summary>The platform that sent the event.</summary>
    [JsonIgnore]
    public abstract WebhookProvider Provider { get; }

    /// <summary>
    /// The event type as received (the discriminator value, or the caller's expected type when the body had none).
    /// For an event built in code, its canonical type.
    /// </summary>
    [JsonIgnore]
    public string EventType { get; protected set; } = string.Empty;

    /// <summary>How the parser matched <see cref="EventType"/> to this event's type.</summary>
    [JsonIgnore]
    public WebhookEventMatch Match { get; protected set; }

    /// <summary>
    /// The provider's own deduplication id for this delivery, as received: receeve's <c>payload.messageId</c>,
    /// Spinwheel's <c>webhookId</c>, Canopy's <c>hmac_signature</c>. Canopy's envelope has no delivery id; once the
    /// body is verified its signature is a MAC of the signed content, the same on a redelivery and different for
    /// different content, which is how Canopy itself suggests spotting duplicates. Null when the provider defines
    /// none (Payitoff) or the body lacks it.
    /// </summary>
    [JsonIgnore]
    public string? IdempotencyKey { get; private set; }

    /// <summary>
    /// The exact bytes the event was parsed from (a private copy), for auditing, re-verification
    /// or forwarding. Empty for an event built in code.
    /// </summary>
    [JsonIgnore]
    public ReadOnlyMemory<byte> RawJson { get; private set; }

    /// <summary>
    /// The members of the body its schema does not describe (kept in the records' <c>ExtensionData</c>), named
    /// <c>Record.member</c> (e.g. <c>PayitoffLoan.servicer_code</c>): the provider added something this SDK version
    /// does not know. Names only, never values; at most 32. Empty when the body fits its schema exactly. Set by the
    /// generated converters.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> UnmappedMembers { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Position of this event's type in its parser's catalog (the unknown event comes after the known ones), so a
    /// dispatcher finds its handlers with an array index instead of a lookup by type. -1 for an event built in code.
    /// </summary>
    internal int CatalogIndex { get; private set; } = -1;

    /// <summary>The raw body as UTF-8 text.</summary>
    /// <returns>The text of <see cref="RawJson"/>.</returns>
    public string GetRawText() => Encoding.UTF8.GetString(RawJson.Span);

    /// <summary>Prints the provider and event type only: the body can hold personal data and is never printed.</summary>
    /// <param name="builder">Receives the members.</param>
    /// <returns>Always true.</returns>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append("Provider = ").Append(Provider).Append(", EventType = ").Append(EventType);
        return true;
    }

    /// <summary>
    /// The deduplication id as the event's own typed members hold it, when its schema types the whole path to it
    /// (generated events override this); otherwise false, and the parser reads the id from the body.
    /// </summary>
    /// <param name="key">The id, or null when the body has none.</param>
    /// <returns>True when <paramref name="key"/> is the answer.</returns>
    /// <remarks>For the code the SDK's generator emits; not meant to be called or overridden by hand.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected internal virtual bool TryGetTypedIdempotencyKey(out string? key)
    {
        key = null;
        return false;
    }

    /// <summary>Records what the parser learned about the delivery; called once, before the event is handed out.</summary>
    internal void SetDelivery(string eventType, WebhookEventMatch match, ReadOnlyMemory<byte> rawJson, string? idempotencyKey, int catalogIndex)
    {
        CatalogIndex = catalogIndex;
        EventType = eventType;
        Match = match;
        RawJson = rawJson;
        IdempotencyKey = idempotencyKey;
    }
}
