using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Every log line the dispatcher writes. Only provider, event type, idempotency key, outcome, status, duration
/// and the (value-free) reasons are logged: never the body, header values or any event member.
/// </summary>
internal static partial class WebhookDispatcherLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Webhook {Provider} {EventType} accepted ({IdempotencyKey}): {HandlersRun} handler(s) ran in {DurationMs:0.0} ms")]
    public static partial void Accepted(ILogger logger, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey, int handlersRun, double durationMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Webhook {Provider} {EventType} admitted ({IdempotencyKey}) in {DurationMs:0.0} ms; handlers deferred")]
    public static partial void Admitted(ILogger logger, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey, double durationMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Webhook {Provider} {EventType} is a duplicate of a processed delivery ({IdempotencyKey}); no handler ran")]
    public static partial void Duplicate(ILogger logger, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Webhook {Provider} {EventType} is being processed by another delivery ({IdempotencyKey}); answered {StatusCode} so the provider retries")]
    public static partial void InProgress(ILogger logger, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey, int statusCode);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Webhook {Provider} rejected with {StatusCode}: verification failed ({VerificationFailure}). {VerificationDetail}")]
    public static partial void VerificationFailed(ILogger logger, WebhookProvider provider, int statusCode, WebhookVerificationFailureReason verificationFailure, string? verificationDetail);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Webhook {Provider} rejected with {StatusCode}: {ParseErrorReason}. {ParseError}")]
    public static partial void ParseFailed(ILogger logger, WebhookProvider provider, int statusCode, WebhookParseErrorReason parseErrorReason, WebhookParseError parseError);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Webhook {Provider} rejected with {StatusCode}: the body of {BodyBytes} bytes exceeds the {MaxBodyBytes}-byte limit")]
    public static partial void TooLarge(ILogger logger, WebhookProvider provider, int statusCode, int bodyBytes, int maxBodyBytes);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Webhook {Provider} rejected with {StatusCode}: the provider is not configured")]
    public static partial void NotConfigured(ILogger logger, WebhookProvider provider, int statusCode);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Webhook {Provider} {EventType} failed in {HandlerType} ({IdempotencyKey}) after {HandlersRun} handler(s) and {DurationMs:0.0} ms; the claim is released so a redelivery runs the handlers again")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, WebhookProvider provider, string eventType, string handlerType, WebhookIdempotencyKey idempotencyKey, int handlersRun, double durationMs);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Webhook {Provider} failed: the verifier threw instead of returning a failed result")]
    public static partial void VerifierThrew(ILogger logger, Exception exception, WebhookProvider provider);

    [LoggerMessage(EventId = 11, Level = LogLevel.Error, Message = "Webhook {Provider} {EventType} failed: the idempotency store could not claim {IdempotencyKey}")]
    public static partial void ClaimFailed(ILogger logger, Exception exception, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Webhook {Provider} {EventType} ({IdempotencyKey}): the handlers succeeded but the idempotency store could not record it; a redelivery after the claim expires would run them again")]
    public static partial void CompleteFailed(ILogger logger, Exception exception, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Webhook {Provider} {EventType} ({IdempotencyKey}): the idempotency store could not release the claim; redeliveries are refused until it expires")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Webhook {Provider} {EventType} ({IdempotencyKey}) abandoned before its handlers ran; the claim is released")]
    public static partial void Abandoned(ILogger logger, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey);

    [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Webhook {Provider} {EventType} ({IdempotencyKey}): disposing the delivery's DI scope also threw after a handler failed")]
    public static partial void ScopeDisposeFailed(ILogger logger, Exception exception, WebhookProvider provider, string eventType, WebhookIdempotencyKey idempotencyKey);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning, Message = "Webhook {Provider} quarantined and answered {StatusCode}: verified, but it does not fit its schema ({ParseErrorReason} at {JsonPath}); quarantine {QuarantineId} stored: {Stored} (durable: {Durable}), {DriftHandlersRun} of {DriftHandlers} drift handler(s) ran")]
    public static partial void SchemaDrift(ILogger logger, WebhookProvider provider, int statusCode, WebhookParseErrorReason parseErrorReason, string? jsonPath, string quarantineId, bool stored, bool durable, int driftHandlersRun, int driftHandlers);

    [LoggerMessage(EventId = 18, Level = LogLevel.Error, Message = "Webhook {Provider}: the quarantine store could not keep {QuarantineId}")]
    public static partial void QuarantineFailed(ILogger logger, Exception exception, WebhookProvider provider, string quarantineId);

    [LoggerMessage(EventId = 19, Level = LogLevel.Error, Message = "Webhook {Provider}: schema-drift handler {HandlerType} failed for {QuarantineId}")]
    public static partial void DriftHandlerFailed(ILogger logger, Exception exception, WebhookProvider provider, string handlerType, string quarantineId);

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Webhook {Provider}: replay of {QuarantineId} still does not fit its schema ({ParseErrorReason} at {JsonPath}); it stays in the quarantine")]
    public static partial void ReplayStillDrifts(ILogger logger, WebhookProvider provider, WebhookParseErrorReason parseErrorReason, string? jsonPath, string quarantineId);

    [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "Webhook verification is DISABLED for {Provider}: anyone who finds the URL can post fake events. Use this in development only.")]
    public static partial void VerificationDisabled(ILogger logger, WebhookProvider provider);
}
