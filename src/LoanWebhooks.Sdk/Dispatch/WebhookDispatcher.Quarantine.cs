using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Diagnostics;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>Schema drift: a verified body that does not parse is kept, handed to the drift handlers, and can be replayed.</summary>
internal sealed partial class WebhookDispatcher
{
    /// <summary>
    /// Runs a quarantined delivery through parse → claim → handlers → complete again, without verification (it was
    /// verified when it was received). One that still does not parse stays where it is.
    /// </summary>
    internal ValueTask<WebhookDispatchResult> ReplayAsync(QuarantinedWebhook quarantined, CancellationToken cancellationToken) =>
        WebhookTelemetry.IsObserved
            ? WebhookDeliveryTelemetry.ObserveAsync(WebhookDeliveryTelemetry.Replay, quarantined.Provider, (Dispatcher: this, quarantined, cancellationToken), static s => s.Dispatcher.ReplayUnobservedAsync(s.quarantined, s.cancellationToken))
            : ReplayUnobservedAsync(quarantined, cancellationToken);

    private async ValueTask<WebhookDispatchResult> ReplayUnobservedAsync(QuarantinedWebhook quarantined, CancellationToken cancellationToken)
    {
        long start = _clock.GetTimestamp();
        if (!_settings.TryGetValue(quarantined.Provider, out WebhookProviderSettings? settings))
        {
            return NotConfigured(quarantined.Provider, start);
        }

        if (!Parse(settings, quarantined.Body, ownedBody: null, quarantined.ExpectedEventType, out WebhookEvent? webhookEvent, out WebhookParseError? error))
        {
            WebhookDispatcherLog.ReplayStillDrifts(_logger, settings.Provider, error.Reason, error.JsonPath, quarantined.Id);
            return WebhookDispatchResult.Quarantine(
                settings.Provider, error, quarantined, stored: true, driftHandlersRun: 0, exception: null, failedHandler: null, settings.Responses.RetryLater, Elapsed(start));
        }

        Reception reception = await ClaimAndHandleAsync(settings, webhookEvent, quarantined.Body, HandlerTiming.Now, start, cancellationToken).ConfigureAwait(false);
        return reception.Result;
    }

    /// <summary>
    /// A verified body that does not fit its schema: keep it in the quarantine, hand it to the app's drift handlers,
    /// and answer per the provider's policy — success only once it is durably kept.
    /// </summary>
    private async ValueTask<WebhookDispatchResult> QuarantineAsync(
        WebhookProviderSettings settings, WebhookDelivery delivery, WebhookParseError error, long start, CancellationToken cancellationToken)
    {
        var quarantined = QuarantinedWebhook.Create(settings.Provider, delivery.Body.Span, delivery.ExpectedEventType, error, _clock.WallTimeOf(start));
        Exception? failure = null;
        bool stored = false;
        try
        {
            // Not cancellable: the delivery is verified, and the store is where it survives.
            await _quarantine.AddAsync(quarantined, CancellationToken.None).ConfigureAwait(false);
            stored = true;
        }
        catch (Exception e)
        {
            failure = e;
            WebhookDispatcherLog.QuarantineFailed(_logger, e, settings.Provider, quarantined.Id);
        }

        int driftHandlersRun = 0;
        Type? failedHandler = null;
        if (_driftHandlers.Length > 0)
        {
            AsyncServiceScope scope = _root.CreateAsyncScope();
            try
            {
                for (; driftHandlersRun < _driftHandlers.Length; driftHandlersRun++)
                {
                    var handler = (IWebhookSchemaDriftHandler)scope.ServiceProvider.GetRequiredService(_driftHandlers[driftHandlersRun]);
                    await handler.HandleAsync(quarantined, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                failure = e;
                failedHandler = _driftHandlers[driftHandlersRun];
                WebhookDispatcherLog.DriftHandlerFailed(_logger, e, settings.Provider, _driftHandlers[driftHandlersRun].FullName!, quarantined.Id);
            }
            finally
            {
                await DisposeDriftScopeAsync(scope, settings.Provider, quarantined.Id).ConfigureAwait(false);
            }
        }

        bool kept = (stored && _quarantine.IsDurable) || (_driftHandlers.Length > 0 && driftHandlersRun == _driftHandlers.Length);
        WebhookResponseStatuses statuses = settings.Responses;
        int status = settings.SchemaDrift switch
        {
            WebhookSchemaDriftPolicy.Reject => statuses.SchemaDriftRejected,
            WebhookSchemaDriftPolicy.Retry => statuses.RetryLater,
            _ => kept ? statuses.Accepted : statuses.RetryLater,
        };

        TimeSpan duration = Elapsed(start);
        WebhookDispatcherLog.SchemaDrift(_logger, settings.Provider, status, error.Reason, error.JsonPath, quarantined.Id, stored, _quarantine.IsDurable, driftHandlersRun, _driftHandlers.Length);
        return WebhookDispatchResult.Quarantine(settings.Provider, error, quarantined, stored, driftHandlersRun, failure, failedHandler, status, duration);
    }

    private async ValueTask DisposeDriftScopeAsync(AsyncServiceScope scope, WebhookProvider provider, string quarantineId)
    {
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.DriftHandlerFailed(_logger, e, provider, "the drift handlers' DI scope", quarantineId);
        }
    }
}
