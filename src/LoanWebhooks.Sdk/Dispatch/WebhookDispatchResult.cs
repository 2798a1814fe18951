using System;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// What the dispatcher did with a delivery, and the HTTP status a host should answer the provider with
/// (<see cref="StatusCode"/>): providers redeliver on any non-2xx status, so a failure is answered with one.
/// </summary>
public sealed class WebhookDispatchResult
{
    private WebhookDispatchResult(WebhookDispatchOutcome outcome, int statusCode, WebhookProvider provider)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        Provider = provider;
    }

    /// <summary>What became of the delivery.</summary>
    public WebhookDispatchOutcome Outcome { get; }

    /// <summary>
    /// The status to answer with: 200 accepted or duplicate, 202 accepted with handlers queued, 400 unparseable body,
    /// 401 missing or wrong credential, 403 source address not allowed, 404 provider not configured, 409 being
    /// processed by another delivery, 413 body too large, 500 handler failure (so the provider redelivers).
    /// </summary>
    public int StatusCode { get; }

    /// <summary>True for <see cref="WebhookDispatchOutcome.Accepted"/> and <see cref="WebhookDispatchOutcome.Duplicate"/>: the provider need not redeliver.</summary>
    public bool IsSuccess => Outcome is WebhookDispatchOutcome.Accepted or WebhookDispatchOutcome.Duplicate;

    /// <summary>The provider the delivery was addressed to.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>Why it was rejected, when <see cref="Outcome"/> is <see cref="WebhookDispatchOutcome.Rejected"/>.</summary>
    public WebhookRejectionReason RejectionReason { get; private init; }

    /// <summary>The failed verification, when the verifier refused the request.</summary>
    public WebhookVerificationResult? VerificationResult { get; private init; }

    /// <summary>Why the body could not be parsed, when it could not.</summary>
    public WebhookParseError? ParseError { get; private init; }

    /// <summary>The typed event, when the body was verified and parsed.</summary>
    public WebhookEvent? Event { get; private init; }

    /// <summary>The delivery's idempotency key, when the body was verified and parsed.</summary>
    public WebhookIdempotencyKey? IdempotencyKey { get; private init; }

    /// <summary>How many handlers ran to completion.</summary>
    public int HandlersRun { get; private init; }

    /// <summary>True when the delivery was admitted and its handlers are to run later (status 202).</summary>
    public bool HandlersDeferred { get; private init; }

    /// <summary>What a handler or the idempotency store threw, when <see cref="Outcome"/> is <see cref="WebhookDispatchOutcome.Failed"/>.</summary>
    public Exception? Exception { get; private init; }

    /// <summary>The handler that threw, when one did.</summary>
    public Type? FailedHandlerType { get; private init; }

    /// <summary>Time from receipt to this result (including any wait in a background queue).</summary>
    public TimeSpan Duration { get; private init; }

    /// <summary>Prints outcome, status, provider, event type and key; never the body.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Outcome).Append(' ').Append(StatusCode).Append(' ').Append(Provider);
        if (Event is not null)
        {
            text.Append(' ').Append(Event.EventType).Append(" (").Append(Event.GetType().Name).Append(')');
        }

        if (RejectionReason != WebhookRejectionReason.None)
        {
            text.Append(": ").Append(RejectionReason);
        }

        if (VerificationResult is not null)
        {
            text.Append(" — ").Append(VerificationResult);
        }

        if (ParseError is not null)
        {
            text.Append(" — ").Append(ParseError);
        }

        if (Exception is not null)
        {
            text.Append(" — ").Append(Exception.GetType().Name).Append(" in ").Append(FailedHandlerType?.Name ?? "the idempotency store");
        }

        return text.ToString();
    }

    internal static WebhookDispatchResult Accepted(WebhookEvent webhookEvent, WebhookIdempotencyKey key, int handlersRun, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Accepted, 200, webhookEvent.Provider)
        {
            Event = webhookEvent,
            IdempotencyKey = key,
            HandlersRun = handlersRun,
            Duration = duration,
        };

    internal static WebhookDispatchResult Deferred(WebhookEvent webhookEvent, WebhookIdempotencyKey key, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Accepted, 202, webhookEvent.Provider)
        {
            Event = webhookEvent,
            IdempotencyKey = key,
            HandlersDeferred = true,
            Duration = duration,
        };

    internal static WebhookDispatchResult Duplicate(WebhookEvent webhookEvent, WebhookIdempotencyKey key, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Duplicate, 200, webhookEvent.Provider) { Event = webhookEvent, IdempotencyKey = key, Duration = duration };

    internal static WebhookDispatchResult InProgress(WebhookEvent webhookEvent, WebhookIdempotencyKey key, TimeSpan duration) =>
        new(WebhookDispatchOutcome.InProgress, 409, webhookEvent.Provider) { Event = webhookEvent, IdempotencyKey = key, Duration = duration };

    internal static WebhookDispatchResult NotConfigured(WebhookProvider provider, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, 404, provider) { RejectionReason = WebhookRejectionReason.ProviderNotConfigured, Duration = duration };

    internal static WebhookDispatchResult TooLarge(WebhookProvider provider, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, 413, provider) { RejectionReason = WebhookRejectionReason.BodyTooLarge, Duration = duration };

    internal static WebhookDispatchResult Unverified(WebhookProvider provider, WebhookVerificationResult verification, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, verification.Reason == WebhookVerificationFailureReason.SourceAddressNotAllowed ? 403 : 401, provider)
        {
            RejectionReason = WebhookRejectionReason.VerificationFailed,
            VerificationResult = verification,
            Duration = duration,
        };

    internal static WebhookDispatchResult Unparseable(WebhookProvider provider, WebhookParseError error, TimeSpan duration) =>
        error.Reason == WebhookParseErrorReason.BodyTooLarge
            ? new(WebhookDispatchOutcome.Rejected, 413, provider) { RejectionReason = WebhookRejectionReason.BodyTooLarge, ParseError = error, Duration = duration }
            : new(WebhookDispatchOutcome.Rejected, 400, provider) { RejectionReason = WebhookRejectionReason.InvalidPayload, ParseError = error, Duration = duration };

    internal static WebhookDispatchResult Failed(
        WebhookProvider provider,
        Exception exception,
        Type? handlerType,
        WebhookEvent? webhookEvent,
        WebhookIdempotencyKey? key,
        int handlersRun,
        TimeSpan duration) =>
        new(WebhookDispatchOutcome.Failed, 500, provider)
        {
            Exception = exception,
            FailedHandlerType = handlerType,
            Event = webhookEvent,
            IdempotencyKey = key,
            HandlersRun = handlersRun,
            Duration = duration,
        };
}
