using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// What a durable <see cref="IWebhookInbox"/> stores for an admitted delivery, and what a worker, possibly in another
/// process, turns back into an admission for <see cref="IWebhookDispatcher.ProcessAsync"/>.
/// </summary>
/// <remarks>
/// Only what the handlers need: the verified body, the provider by name, the event types, the idempotency key and
/// the claim's lease. No header is kept: headers carry the credentials that were checked when the delivery arrived,
/// and a restored entry is not verified again.
/// </remarks>
public sealed record WebhookInboxEntry
{
    /// <summary>The provider's name (<c>WebhookProvider.ToString()</c>), never its number.</summary>
    public required string ProviderName { get; init; }

    /// <summary>The verified body, exactly as received.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The event type the body named (for people reading the inbox; the body is parsed again on restore).</summary>
    public required string EventType { get; init; }

    /// <summary>The event type the route named (Spinwheel posts each event to its own URL), or null.</summary>
    public string? ExpectedEventType { get; init; }

    /// <summary>The delivery's idempotency key as text (<see cref="WebhookIdempotencyKey.ToString"/>).</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The lease of the claim taken when the delivery was admitted; null for a delivery that is not deduplicated.</summary>
    public string? LeaseId { get; init; }

    /// <summary>When the delivery was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The entry for an admitted delivery.</summary>
    /// <param name="admission">An admission whose <see cref="WebhookAdmission.IsAdmitted"/> is true.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">The admission is not admitted.</exception>
    public static WebhookInboxEntry From(WebhookAdmission admission)
    {
        ArgumentNullException.ThrowIfNull(admission);
        if (!admission.IsAdmitted)
        {
            throw new ArgumentException("Only an admitted delivery can be stored in an inbox.", nameof(admission));
        }

        WebhookIdempotencyClaim claim = admission.Claim!.Value;
        return new WebhookInboxEntry
        {
            ProviderName = admission.Delivery.Provider.ToString(),
            Body = admission.Delivery.Body,
            EventType = admission.Event!.EventType,
            ExpectedEventType = admission.Delivery.ExpectedEventType,
            IdempotencyKey = claim.Key.ToString(),
            LeaseId = claim.LeaseId,
            ReceivedAt = admission.ReceivedAt,
        };
    }

    /// <summary>
    /// Parses the body again (without verifying it: it was verified when it arrived) and rebuilds the admission under
    /// the stored claim, for <see cref="IWebhookDispatcher.ProcessAsync"/> or <see cref="IWebhookDispatcher.AbandonAsync"/>.
    /// </summary>
    /// <param name="dispatcher">The dispatcher that runs the handlers.</param>
    /// <param name="admission">The admission, when restored.</param>
    /// <param name="failure">
    /// Why not, when not: the provider is not configured here, the body no longer parses, or the key does not match the
    /// body. Names reasons and members only, never payload values.
    /// </param>
    /// <returns>True when restored.</returns>
    public bool TryRestore(IWebhookDispatcher dispatcher, [NotNullWhen(true)] out WebhookAdmission? admission, [NotNullWhen(false)] out string? failure)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        admission = null;
        // A name that is no provider name (a damaged entry) is as unknown here as one this process does not configure.
        if (!WebhookProvider.IsValidName(ProviderName)
            || !dispatcher.Providers.TryGetValue(new WebhookProvider(ProviderName), out WebhookProviderSettings? settings))
        {
            failure = "The provider of this entry is not configured in this process.";
            return false;
        }

        if (!settings.Parser.TryParse(Body.Span, out WebhookEvent? webhookEvent, out WebhookParseError? parseError, ExpectedEventType))
        {
            failure = "The body no longer parses: " + parseError;
            return false;
        }

        var key = WebhookIdempotencyKey.For(webhookEvent, Body.Span);
        if (!string.Equals(key.ToString(), IdempotencyKey, StringComparison.Ordinal))
        {
            failure = "The stored idempotency key is not the key of the stored body.";
            return false;
        }

        WebhookIdempotencyClaim claim = LeaseId is null
            ? WebhookIdempotencyClaim.Unstored(key)
            : new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, LeaseId);
        var delivery = new WebhookDelivery(settings.Provider, Body, WebhookHeaders.Empty, remoteIpAddress: null, ExpectedEventType);
        var deferred = WebhookDispatchResult.Deferred(webhookEvent, key, settings.Responses.Deferred, TimeSpan.Zero);
        admission = WebhookAdmission.Admitted(delivery, deferred, claim, ReceivedAt, Stopwatch.GetTimestamp());
        failure = null;
        return true;
    }

    /// <summary>Prints provider and size only: the body, the key and an unknown event's type come from the payload.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{ProviderName} inbox entry of {Body.Length} bytes";
}
