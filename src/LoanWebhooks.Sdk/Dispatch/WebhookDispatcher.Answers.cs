using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>Each answer the pipeline gives, with its log line and the status the provider's options set for it.</summary>
internal sealed partial class WebhookDispatcher
{
    private const string UnknownEventType = "(unknown event type)";

    private WebhookDispatchResult NotConfigured(WebhookProvider provider, long start)
    {
        var notConfigured = WebhookDispatchResult.NotConfigured(provider, Elapsed(start));
        WebhookDispatcherLog.NotConfigured(_logger, provider, notConfigured.StatusCode);
        return notConfigured;
    }

    private WebhookDispatchResult TooLarge(WebhookProviderSettings settings, int bodyBytes, long start)
    {
        var tooLarge = WebhookDispatchResult.TooLarge(settings.Provider, settings.Responses.BodyTooLarge, Elapsed(start));
        WebhookDispatcherLog.TooLarge(_logger, settings.Provider, tooLarge.StatusCode, bodyBytes, settings.MaxBodyBytes);
        return tooLarge;
    }

    private WebhookDispatchResult VerifierThrew(WebhookProviderSettings settings, Exception e, long start)
    {
        WebhookDispatcherLog.VerifierThrew(_logger, e, settings.Provider);
        return WebhookDispatchResult.Failed(settings.Provider, e, handlerType: null, webhookEvent: null, key: default, handlersRun: 0, settings.Responses.RetryLater, Elapsed(start));
    }

    private WebhookDispatchResult Unverified(WebhookProviderSettings settings, WebhookVerificationResult verification, long start)
    {
        var unverified = WebhookDispatchResult.Unverified(settings.Provider, verification, settings.Responses.Unverified, Elapsed(start));
        WebhookDispatcherLog.VerificationFailed(_logger, settings.Provider, unverified.StatusCode, verification.Reason, verification.Detail);
        return unverified;
    }

    private WebhookDispatchResult Unparseable(WebhookProviderSettings settings, WebhookParseError parseError, long start)
    {
        var unparseable = WebhookDispatchResult.Unparseable(settings.Provider, parseError, settings.Responses.BodyTooLarge, Elapsed(start));
        WebhookDispatcherLog.ParseFailed(_logger, settings.Provider, unparseable.StatusCode, parseError.Reason, parseError);
        return unparseable;
    }

    private WebhookDispatchResult ClaimFailed(WebhookProviderSettings settings, Exception e, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        WebhookDispatcherLog.ClaimFailed(_logger, e, settings.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key));
        return WebhookDispatchResult.Failed(settings.Provider, e, handlerType: null, webhookEvent, key, handlersRun: 0, settings.Responses.RetryLater, Elapsed(start));
    }

    private WebhookDispatchResult Duplicate(WebhookProviderSettings settings, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.Duplicate(_logger, settings.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key));
#pragma warning restore CA1873
        }

        return WebhookDispatchResult.Duplicate(webhookEvent, key, settings.Responses.Duplicate, Elapsed(start));
    }

    private WebhookDispatchResult InProgress(WebhookProviderSettings settings, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        var inProgress = WebhookDispatchResult.InProgress(webhookEvent, key, settings.Responses.RetryLater, Elapsed(start));
        if (_logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.InProgress(_logger, settings.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key), inProgress.StatusCode);
#pragma warning restore CA1873
        }

        return inProgress;
    }

    /// <summary>Admitted for background processing: the answer to give the provider now; the handlers run in <see cref="ProcessAsync"/>.</summary>
    private WebhookDispatchResult Deferred(WebhookProviderSettings settings, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        var deferred = WebhookDispatchResult.Deferred(webhookEvent, key, settings.Responses.Deferred, Elapsed(start));
        if (_logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.Admitted(_logger, settings.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key), deferred.Duration.TotalMilliseconds);
#pragma warning restore CA1873
        }

        return deferred;
    }

    private WebhookDispatchResult Accepted(WebhookProviderSettings settings, WebhookEvent webhookEvent, WebhookIdempotencyKey key, int handlersRun, long start)
    {
        TimeSpan duration = Elapsed(start);
        if (_logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.Accepted(_logger, settings.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key), handlersRun, duration.TotalMilliseconds);
#pragma warning restore CA1873
        }

        return WebhookDispatchResult.Accepted(webhookEvent, key, handlersRun, settings.Responses.Accepted, duration);
    }

    /// <summary>
    /// A handler (<paramref name="failedIn"/>) or, when that is null, the scope's disposal threw: end the scope if a
    /// handler threw, release the claim so a redelivery runs the handlers again, and report the failure.
    /// </summary>
    private async ValueTask<WebhookDispatchResult> HandlerFailedAsync(
        WebhookProviderSettings settings, Exception e, Type? failedIn, WebhookDeliveryScope scope, WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, int handlersRun, long start)
    {
        if (failedIn is not null)
        {
            await EndScopeAfterFailureAsync(scope, webhookEvent, claim.Key).ConfigureAwait(false);
        }

        TimeSpan failedAfter = Elapsed(start);
        WebhookDispatcherLog.HandlerFailed(_logger, e, settings.Provider, LoggedEventType(webhookEvent), failedIn?.FullName ?? "the handler scope", LoggedKey(webhookEvent, claim.Key), handlersRun, failedAfter.TotalMilliseconds);
        await ReleaseAsync(webhookEvent, claim).ConfigureAwait(false);
        return WebhookDispatchResult.Failed(settings.Provider, e, failedIn, webhookEvent, claim.Key, handlersRun, settings.Responses.HandlerFailed, failedAfter);
    }

    /// <summary>After a handler threw, the scope still has to go; its own failure must not hide the handler's.</summary>
    private async ValueTask EndScopeAfterFailureAsync(WebhookDeliveryScope scope, WebhookEvent webhookEvent, WebhookIdempotencyKey key)
    {
        try
        {
            await scope.EndAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ScopeDisposeFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key));
        }
    }

    private TimeSpan Elapsed(long start) => _clock.GetElapsedTime(start);

    /// <summary>
    /// The event type as logged. An unknown event's type is whatever the body said (a provider or a sender can put any
    /// text there), so it is not logged; its handlers still get it.
    /// </summary>
    private static string LoggedEventType(WebhookEvent webhookEvent) =>
        webhookEvent.Match == WebhookEventMatch.Unknown ? UnknownEventType : webhookEvent.EventType;

    /// <summary>The key as logged: a provider id scoped by an unknown event's type loses the type, like <see cref="LoggedEventType"/>.</summary>
    private static WebhookIdempotencyKey LoggedKey(WebhookEvent webhookEvent, WebhookIdempotencyKey key) =>
        webhookEvent.Match == WebhookEventMatch.Unknown && key.Source == WebhookIdempotencyKeySource.ProviderId
            ? new WebhookIdempotencyKey(key.Provider, key.Value, key.Source, UnknownEventType)
            : key;
}
