using System;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// What the dispatcher did with a delivery, and the HTTP status a host should answer the provider with
/// (<see cref="StatusCode"/>), taken from the provider's <see cref="WebhookResponseStatuses"/>: a status that makes
/// that provider retry when the delivery should come again, success only once it is processed or durably kept.
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
    /// The status to answer with, from the provider's <see cref="WebhookResponseStatuses"/> (defaults: 200 accepted,
    /// duplicate or durably quarantined; 202 handlers queued; 404 provider not configured; 413 body too large; 500
    /// handler failure; 503 verification failed, in progress, store unreachable or drift not yet durably kept).
    /// </summary>
    public int StatusCode { get; }

    /// <summary>True when <see cref="StatusCode"/> is a 2xx: the provider will not deliver this again.</summary>
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

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

    /// <summary>
    /// What a handler, the handler scope or the idempotency store threw, when <see cref="Outcome"/> is
    /// <see cref="WebhookDispatchOutcome.Failed"/>; for <see cref="WebhookDispatchOutcome.Quarantined"/>, what a
    /// schema-drift handler (<see cref="FailedHandlerType"/>) or, when that is null, the quarantine store threw.
    /// </summary>
    public Exception? Exception => _details?.Exception;

    /// <summary>
    /// The quarantined delivery, when <see cref="Outcome"/> is <see cref="WebhookDispatchOutcome.Quarantined"/>: it was
    /// verified but did not fit its schema (see <see cref="ParseError"/>).
    /// </summary>
    public QuarantinedWebhook? Quarantined => _details?.Quarantined;

    /// <summary>For a quarantined delivery: whether the quarantine store kept it (false when the store threw).</summary>
    public bool QuarantineStored => _details?.QuarantineStored ?? false;

    /// <summary>For a quarantined delivery: how many schema-drift handlers ran to completion.</summary>
    public int SchemaDriftHandlersRun => _details?.SchemaDriftHandlersRun ?? 0;

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

        if (Quarantined is not null)
        {
            text.Append(" — quarantined as ").Append(Quarantined.Id).Append(QuarantineStored ? "" : " (not stored)");
        }

        if (Exception is not null)
        {
            text.Append(" — ").Append(Exception.GetType().Name).Append(" in ").Append(FailedHandlerType?.Name ?? (Quarantined is null ? "the idempotency store" : "the quarantine"));
        }

        return text.ToString();
    }

    internal static WebhookDispatchResult Accepted(WebhookEvent webhookEvent, WebhookIdempotencyKey key, int handlersRun, int statusCode, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Accepted, statusCode, webhookEvent.Provider, duration, webhookEvent, key, handlersRun);

    internal static WebhookDispatchResult Deferred(WebhookEvent webhookEvent, WebhookIdempotencyKey key, int statusCode, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Accepted, statusCode, webhookEvent.Provider, duration, webhookEvent, key, handlersDeferred: true);

    internal static WebhookDispatchResult Duplicate(WebhookEvent webhookEvent, WebhookIdempotencyKey key, int statusCode, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Duplicate, statusCode, webhookEvent.Provider, duration, webhookEvent, key);

    internal static WebhookDispatchResult InProgress(WebhookEvent webhookEvent, WebhookIdempotencyKey key, int statusCode, TimeSpan duration) =>
        new(WebhookDispatchOutcome.InProgress, statusCode, webhookEvent.Provider, duration, webhookEvent, key);

    internal static WebhookDispatchResult NotConfigured(WebhookProvider provider, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, 404, provider, duration, rejectionReason: WebhookRejectionReason.ProviderNotConfigured);

    internal static WebhookDispatchResult TooLarge(WebhookProvider provider, int statusCode, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, statusCode, provider, duration, rejectionReason: WebhookRejectionReason.BodyTooLarge);

    internal static WebhookDispatchResult Unverified(WebhookProvider provider, WebhookVerificationResult verification, int statusCode, TimeSpan duration) =>
        new(
            WebhookDispatchOutcome.Rejected,
            statusCode,
            provider,
            duration,
            rejectionReason: WebhookRejectionReason.VerificationFailed,
            details: new Details { Verification = verification });

    /// <summary>A body the parser refused before it could be quarantined: only an over-long one (checked while parsing too).</summary>
    internal static WebhookDispatchResult Unparseable(WebhookProvider provider, WebhookParseError error, int statusCode, TimeSpan duration) =>
        new(WebhookDispatchOutcome.Rejected, statusCode, provider, duration, rejectionReason: WebhookRejectionReason.BodyTooLarge, details: new Details { ParseError = error });

    internal static WebhookDispatchResult Quarantine(
        WebhookProvider provider,
        WebhookParseError error,
        QuarantinedWebhook quarantined,
        bool stored,
        int driftHandlersRun,
        Exception? exception,
        Type? failedHandler,
        int statusCode,
        TimeSpan duration) =>
        new(
            WebhookDispatchOutcome.Quarantined,
            statusCode,
            provider,
            duration,
            rejectionReason: statusCode is >= 200 and <= 299 ? WebhookRejectionReason.None : WebhookRejectionReason.SchemaDrift,
            details: new Details
            {
                ParseError = error,
                Quarantined = quarantined,
                QuarantineStored = stored,
                SchemaDriftHandlersRun = driftHandlersRun,
                Exception = exception,
                FailedHandlerType = failedHandler,
            });

    internal static WebhookDispatchResult Failed(
        WebhookProvider provider,
        Exception exception,
        Type? handlerType,
        WebhookEvent? webhookEvent,
        WebhookIdempotencyKey key,
        int handlersRun,
        int statusCode,
        TimeSpan duration) =>
        new(
            WebhookDispatchOutcome.Failed,
            statusCode,
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

        public QuarantinedWebhook? Quarantined { get; init; }

        public bool QuarantineStored { get; init; }

        public int SchemaDriftHandlersRun { get; init; }
    }
}
