using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>A provider's parser seen without its event type parameter (for dispatchers and hosts).</summary>
public interface IWebhookParser
{
    /// <summary>The provider whose bodies this parser reads.</summary>
    WebhookProvider Provider { get; }

    /// <summary>Every event type the parser knows.</summary>
    IReadOnlyList<WebhookEventTypeInfo> EventTypes { get; }

    /// <summary>Parses <paramref name="body"/> into the most specific event.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="expectedEventType">The event type the receiver subscribed this endpoint to, if it knows; used when the body has no discriminator and checked against it when it has one.</param>
    /// <returns>A typed event, or the provider's unknown event for an unknown type.</returns>
    /// <exception cref="WebhookParseException">The body cannot be parsed; the exception's <c>Error</c> says why.</exception>
    WebhookEvent Parse(ReadOnlySpan<byte> body, string? expectedEventType = null);

    /// <summary>Parses <paramref name="body"/> without throwing for bad input.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="webhookEvent">The event, when parsing succeeded.</param>
    /// <param name="failure">Why parsing failed, otherwise.</param>
    /// <param name="expectedEventType">See <see cref="Parse(ReadOnlySpan{byte}, string?)"/>.</param>
    /// <returns>True when <paramref name="webhookEvent"/> was produced.</returns>
    bool TryParse(ReadOnlySpan<byte> body, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType = null);

    /// <summary>
    /// Parses a body the caller hands over instead of copying it (the event's <c>RawJson</c> is the array itself);
    /// never throws for bad input (a null body is <see cref="WebhookParseErrorReason.EmptyBody"/>). The caller must not change or reuse the array afterwards.
    /// </summary>
    /// <param name="body">The raw request body (UTF-8 JSON), owned by the event when parsing succeeds.</param>
    /// <param name="webhookEvent">The event, when parsing succeeded.</param>
    /// <param name="failure">Why parsing failed, otherwise.</param>
    /// <param name="expectedEventType">See <see cref="Parse"/>.</param>
    /// <returns>True when <paramref name="webhookEvent"/> was produced.</returns>
    /// <remarks>Implementations that cannot keep the array fall back to <see cref="TryParse"/>, which copies it.</remarks>
    bool TryParseOwned([NotNullWhen(true)] byte[]? body, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? failure, string? expectedEventType = null) =>
        TryParse(body, out webhookEvent, out failure, expectedEventType);
}
