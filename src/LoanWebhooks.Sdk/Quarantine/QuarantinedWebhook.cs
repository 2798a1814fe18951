using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>
/// A delivery that passed verification but did not fit its event's schema (the provider changed something): its
/// exact bytes, the event type it named and why parsing failed, kept so that nothing genuine is lost and it can be
/// replayed once the SDK understands it.
/// </summary>
/// <remarks>
/// <see cref="Id"/> is derived from the provider and a SHA-256 of the body, so every redelivery of one body, on any
/// instance, is one entry. Nothing here but <see cref="Body"/> carries a payload value: the error text names
/// members and reasons only.
/// </remarks>
public sealed class QuarantinedWebhook
{
    /// <summary>Restores an entry (for store implementations).</summary>
    /// <param name="id">The entry's id, as <see cref="Create"/> made it.</param>
    /// <param name="provider">The provider that sent it.</param>
    /// <param name="body">The verified body, exactly as received.</param>
    /// <param name="eventType">The event type the body named, or the one the route expected; null when neither is known.</param>
    /// <param name="expectedEventType">The event type the route named (Spinwheel posts each event to its own URL), or null.</param>
    /// <param name="reason">Why parsing failed.</param>
    /// <param name="jsonPath">Where, for a schema mismatch.</param>
    /// <param name="errorMessage">The parse error's message (names and reasons, never values).</param>
    /// <param name="firstReceivedAt">When it was first quarantined.</param>
    /// <param name="lastReceivedAt">When it was last received.</param>
    /// <param name="receipts">How many times it was received (the provider's redeliveries add up here).</param>
    public QuarantinedWebhook(
        string id,
        WebhookProvider provider,
        ReadOnlyMemory<byte> body,
        string? eventType,
        string? expectedEventType,
        WebhookParseErrorReason reason,
        string? jsonPath,
        string errorMessage,
        DateTimeOffset firstReceivedAt,
        DateTimeOffset lastReceivedAt,
        int receipts)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(errorMessage);
        ArgumentOutOfRangeException.ThrowIfLessThan(receipts, 1);
        Id = id;
        Provider = provider;
        Body = body;
        EventType = eventType;
        ExpectedEventType = expectedEventType;
        Reason = reason;
        JsonPath = jsonPath;
        ErrorMessage = errorMessage;
        FirstReceivedAt = firstReceivedAt;
        LastReceivedAt = lastReceivedAt;
        Receipts = receipts;
    }

    /// <summary>Identifies the entry: <c>provider:sha256-of-body</c> in lower-case hex. Safe to log.</summary>
    public string Id { get; }

    /// <summary>The provider that sent it.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The verified body, exactly as received.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The event type the body named (or the route expected); null when neither is known.</summary>
    public string? EventType { get; }

    /// <summary>The event type the route named, passed again on replay; null when the route named none.</summary>
    public string? ExpectedEventType { get; }

    /// <summary>Why parsing failed.</summary>
    public WebhookParseErrorReason Reason { get; }

    /// <summary>JSONPath of the member that did not fit, for <see cref="WebhookParseErrorReason.SchemaMismatch"/>.</summary>
    public string? JsonPath { get; }

    /// <summary>The parse error's message: member names, token types and reasons, never payload values.</summary>
    public string ErrorMessage { get; }

    /// <summary>When it was first quarantined.</summary>
    public DateTimeOffset FirstReceivedAt { get; }

    /// <summary>When it was last received.</summary>
    public DateTimeOffset LastReceivedAt { get; }

    /// <summary>How many times it was received.</summary>
    public int Receipts { get; }

    /// <summary>A new entry for a verified body that failed to parse.</summary>
    /// <param name="provider">The provider that sent it.</param>
    /// <param name="body">The verified body, exactly as received; copied.</param>
    /// <param name="expectedEventType">The event type the route named, or null.</param>
    /// <param name="error">Why it failed to parse.</param>
    /// <param name="receivedAt">When it was received.</param>
    /// <returns>The entry, with one receipt.</returns>
    public static QuarantinedWebhook Create(WebhookProvider provider, ReadOnlySpan<byte> body, string? expectedEventType, WebhookParseError error, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new QuarantinedWebhook(
            IdFor(provider, body),
            provider,
            body.ToArray(),
            error.EventType ?? expectedEventType,
            expectedEventType,
            error.Reason,
            error.JsonPath,
            error.Message,
            receivedAt,
            receivedAt,
            receipts: 1);
    }

    /// <summary>The id of a body: <c>provider:</c> and the lower-case hex SHA-256 of the bytes.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="body">The body.</param>
    /// <returns>The id.</returns>
    public static string IdFor(WebhookProvider provider, ReadOnlySpan<byte> body)
        // The same lower-case hex SHA-256 that keys a body for deduplication.
        => string.Concat(provider.ToString().ToLowerInvariant(), ":", WebhookIdempotencyKey.FromBody(provider, body).Value);

    /// <summary>Prints id, provider, event type and reason; never the body.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() =>
        $"{Id} {Provider} {EventType ?? "(no event type)"}: {Reason}{(JsonPath is null ? "" : " at " + JsonPath)} ×{Receipts}";
}
