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
/// <remarks>
/// A value type, so an accepted delivery costs the dispatcher no allocation; the members only a failure has live in
/// one object allocated for failures. <c>default(WebhookDispatchResult)</c> is not a result (its outcome is not a
/// defined value).
/// </remarks>
public readonly struct WebhookDispatchResult
{
    private readonly Details? _details;
    private readonly WebhookIdempotencyKey _key;

    private WebhookDispatchResult(
        WebhookDispatchOutcome outcome,
        int statusCode,
        WebhookProvider provider,
        TimeSpan duration,
        WebhookEvent? webhookEvent = null,
        WebhookIdempotencyKey key = default,
        int handlersRun = 0,
        bool handlersDeferred = false,
        WebhookRejectionReason rejectionReason = WebhookRejectionReason.None,
        Details? details = null)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        Provider = provider;
        Duration = duration;
        Event = webhookEvent;
        _key = key;
        HandlersRun = handlersRun;
        HandlersDeferred = handlersDeferred;
        RejectionReason = rejectionReason;
        _details = details;
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
    public WebhookRejectionReason RejectionReason { get; }

    /// <summary>The failed verification, when the verifier refused the request.</summary>
    public WebhookVerificationResult? VerificationResult => _details?.Verification;

    /// <summary>Why the body could not be parsed, when it could not.</summary>
    public WebhookParseError? ParseError => _details?.ParseError;

    /// <summary>The typed event, when the body was verified and parsed.</summary>
    public WebhookEvent? Event { get; }

    /// <summary>The delivery's idempotency key, when the body was verified and parsed.</summary>
    public WebhookIdempotencyKey? IdempotencyKey => _key.IsDefault ? null : _key;

    /// <summary>How many handlers ran to completion.</summary>
    public int HandlersRun { get; }

    /// <summary>True when the delivery was admitted and its handlers are to run later (status 202).</summary>
    public bool HandlersDeferred { get; }

    /// <summary>What a handler, the handler scope or the idempotency store threw, when <see cref="Outcome"/> is <see cref="WebhookDispatchOutcome.Failed"/>.</summary>
    public Exception? Exception => _details?.Exception;

    /// <summary>The handler that threw, when one did.</summary>
    public Type? FailedHandlerType => _details?.FailedHandlerType;

    /// <summary>Time from receipt to this result (including any wait in a background queue).</summary>
    public TimeSpan Duration { get; }

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
        new(WebhookDispatchOutcome.Accepted, 200, webhookEvent.Provider, duration, webhookEvent, key, handlersRun);

    internal static WebhookDispatchResult Deferred(WebhookEvent webhookEvent, WebhookIdempotencyKey key, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Accepted, 202, webhookEvent.Provider, duration, webhookEvent, key, handlersDeferred: true);

    internal static WebhookDispatchResult Duplicate(WebhookEvent webhookEvent, WebhookIdempotencyKey key, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Duplicate, 200, webhookEvent.Provider, duration, webhookEvent, key);

    internal static WebhookDispatchResult InProgress(WebhookEvent webhookEvent, WebhookIdempotencyKey key, TimeSpan duration) =>
        new(WebhookDispatchOutcome.InProgress, 409, webhookEvent.Provider, duration, webhookEvent, key);

    internal static WebhookDispatchResult NotConfigured(WebhookProvider provider, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, 404, provider, duration, rejectionReason: WebhookRejectionReason.ProviderNotConfigured);

    internal static WebhookDispatchResult TooLarge(WebhookProvider provider, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, 413, provider, duration, rejectionReason: WebhookRejectionReason.BodyTooLarge);

    internal static WebhookDispatchResult Unverified(WebhookProvider provider, WebhookVerificationResult verification, TimeSpan duration) =>
        new(
            WebhookDispatchOutcome.Rejected,
            verification.Reason == WebhookVerificationFailureReason.SourceAddressNotAllowed ? 403 : 401,
            provider,
            duration,
            rejectionReason: WebhookRejectionReason.VerificationFailed,
            details: new Details { Verification = verification });

    internal static WebhookDispatchResult Unparseable(WebhookProvider provider, WebhookParseError error, TimeSpan duration) =>
        error.Reason == WebhookParseErrorReason.BodyTooLarge
            ? new(WebhookDispatchOutcome.Rejected, 413, provider, duration, rejectionReason: WebhookRejectionReason.BodyTooLarge, details: new Details { ParseError = error })
            : new(WebhookDispatchOutcome.Rejected, 400, provider, duration, rejectionReason: WebhookRejectionReason.InvalidPayload, details: new Details { ParseError = error });

    internal static WebhookDispatchResult Failed(
        WebhookProvider provider,
        Exception exception,
        Type? handlerType,
        WebhookEvent? webhookEvent,
        WebhookIdempotencyKey key,
        int handlersRun,
        TimeSpan duration) =>
        new(
            WebhookDispatchOutcome.Failed,
            500,
            provider,
            duration,
            webhookEvent,
            key,
            handlersRun,
            details: new Details { Exception = exception, FailedHandlerType = handlerType });

    /// <summary>What only a rejected or failed delivery has.</summary>
    private sealed class Details
    {
        public WebhookVerificationResult? Verification { get; init; }

        public WebhookParseError? ParseError { get; init; }

        public Exception? Exception { get; init; }

        public Type? FailedHandlerType { get; init; }
    }
}
