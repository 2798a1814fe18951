using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>The <see cref="IWebhookDispatcher"/> that <c>AddLoanWebhooks</c> registers.</summary>
internal sealed class WebhookDispatcher : IWebhookDispatcher
{
    private readonly WebhookRouteTable _routes;
    private readonly IWebhookIdempotencyStore _store;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WebhookDispatcher(
        IEnumerable<WebhookProviderSettings> providers,
        WebhookRouteTable routes,
        IWebhookIdempotencyStore store,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger logger)
    {
        Providers = new ReadOnlyDictionary<WebhookProvider, WebhookProviderSettings>(providers.ToDictionary(p => p.Provider));
        _routes = routes;
        _store = store;
        _scopes = scopes;
        _time = time;
        _logger = logger;

        foreach (WebhookProviderSettings provider in Providers.Values.Where(p => !p.IsVerified))
        {
            WebhookDispatcherLog.VerificationDisabled(_logger, provider.Provider);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<WebhookProvider, WebhookProviderSettings> Providers { get; }

    /// <inheritdoc/>
    public async ValueTask<WebhookDispatchResult> DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        WebhookAdmission admission = await AdmitAsync(delivery, cancellationToken).ConfigureAwait(false);
        return admission.IsAdmitted ? await ProcessAsync(admission, cancellationToken).ConfigureAwait(false) : admission.Result;
    }

    /// <inheritdoc/>
    public async ValueTask<WebhookAdmission> AdmitAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        long start = _time.GetTimestamp();
        DateTimeOffset receivedAt = _time.GetUtcNow();
        WebhookProvider provider = delivery.Provider;

        WebhookAdmission Settle(WebhookDispatchResult result) => WebhookAdmission.Settled(delivery, result, receivedAt, start);

        if (!Providers.TryGetValue(provider, out WebhookProviderSettings? settings))
        {
            var notConfigured = WebhookDispatchResult.NotConfigured(provider, Elapsed(start));
            WebhookDispatcherLog.NotConfigured(_logger, provider, notConfigured.StatusCode);
            return Settle(notConfigured);
        }

        // Before verification: a signature check would otherwise hash an arbitrarily large body.
        if (delivery.Body.Length > settings.MaxBodyBytes)
        {
            var tooLarge = WebhookDispatchResult.TooLarge(provider, Elapsed(start));
            WebhookDispatcherLog.TooLarge(_logger, provider, tooLarge.StatusCode, delivery.Body.Length, settings.MaxBodyBytes);
            return Settle(tooLarge);
        }

        if (settings.Verifier is { } verifier)
        {
            WebhookVerificationResult verification;
            try
            {
                verification = verifier.Verify(new WebhookRequest(delivery.Body, delivery.Headers, delivery.RemoteIpAddress));
            }
            catch (Exception e)
            {
                WebhookDispatcherLog.VerifierThrew(_logger, e, provider);
                return Settle(WebhookDispatchResult.Failed(provider, e, handlerType: null, webhookEvent: null, key: null, handlersRun: 0, Elapsed(start)));
            }

            if (!verification.IsVerified)
            {
                var unverified = WebhookDispatchResult.Unverified(provider, verification, Elapsed(start));
                WebhookDispatcherLog.VerificationFailed(_logger, provider, unverified.StatusCode, verification.Reason, verification.Detail);
                return Settle(unverified);
            }
        }

        if (!settings.Parser.TryParse(delivery.Body.Span, out WebhookEvent? webhookEvent, out var parseError, delivery.ExpectedEventType))
        {
            var unparseable = WebhookDispatchResult.Unparseable(provider, parseError, Elapsed(start));
            WebhookDispatcherLog.ParseFailed(_logger, provider, unparseable.StatusCode, parseError.Reason, parseError);
            return Settle(unparseable);
        }

        var key = WebhookIdempotencyKey.For(webhookEvent, delivery.Body.Span);
        WebhookIdempotencyClaim claim;
        try
        {
            claim = await _store.ClaimAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ClaimFailed(_logger, e, provider, webhookEvent.EventType, key);
            return Settle(WebhookDispatchResult.Failed(provider, e, handlerType: null, webhookEvent, key, handlersRun: 0, Elapsed(start)));
        }

        switch (claim.Status)
        {
            case WebhookClaimStatus.AlreadyCompleted:
                WebhookDispatcherLog.Duplicate(_logger, provider, webhookEvent.EventType, key);
                return Settle(WebhookDispatchResult.Duplicate(webhookEvent, key, Elapsed(start)));
            case WebhookClaimStatus.InProgress:
                var inProgress = WebhookDispatchResult.InProgress(webhookEvent, key, Elapsed(start));
                WebhookDispatcherLog.InProgress(_logger, provider, webhookEvent.EventType, key, inProgress.StatusCode);
                return Settle(inProgress);
        }

        var deferred = WebhookDispatchResult.Deferred(webhookEvent, key, Elapsed(start));
        WebhookDispatcherLog.Admitted(_logger, provider, webhookEvent.EventType, key, deferred.Duration.TotalMilliseconds);
        return WebhookAdmission.Admitted(delivery, deferred, claim, receivedAt, start);
    }

    /// <inheritdoc/>
    public async ValueTask<WebhookDispatchResult> ProcessAsync(WebhookAdmission admission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        if (!admission.IsAdmitted)
        {
            return admission.Result;
        }

        if (!admission.TrySettle())
        {
            throw new InvalidOperationException("This admission was already processed or abandoned.");
        }

        WebhookEvent webhookEvent = admission.Event!;
        WebhookIdempotencyClaim claim = admission.Claim!;
        WebhookRoute[] routes = _routes.Find(webhookEvent);
        int handlersRun = 0;
        Type? current = null;
        try
        {
            if (routes.Length > 0)
            {
                AsyncServiceScope scope = _scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var context = new WebhookHandlerContext(webhookEvent, claim.Key, admission.ReceivedAt, scope.ServiceProvider);
                    foreach (WebhookRoute route in routes)
                    {
                        current = route.HandlerType;
                        object handler = scope.ServiceProvider.GetRequiredService(route.HandlerType);
                        await route.Invoker.InvokeAsync(handler, webhookEvent, context, cancellationToken).ConfigureAwait(false);
                        handlersRun++;
                    }

                    current = null;
                }
            }
        }
        catch (Exception e)
        {
            TimeSpan failedAfter = Elapsed(admission.StartTimestamp);
            string failedIn = current?.FullName ?? "the handler scope";
            WebhookDispatcherLog.HandlerFailed(_logger, e, webhookEvent.Provider, webhookEvent.EventType, failedIn, claim.Key, handlersRun, failedAfter.TotalMilliseconds);
            await ReleaseAsync(webhookEvent, claim).ConfigureAwait(false);
            return WebhookDispatchResult.Failed(webhookEvent.Provider, e, current, webhookEvent, claim.Key, handlersRun, failedAfter);
        }

        try
        {
            // Not cancellable: the handlers ran, and forgetting that would run them again on a redelivery.
            await _store.CompleteAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.CompleteFailed(_logger, e, webhookEvent.Provider, webhookEvent.EventType, claim.Key);
        }

        TimeSpan duration = Elapsed(admission.StartTimestamp);
        WebhookDispatcherLog.Accepted(_logger, webhookEvent.Provider, webhookEvent.EventType, claim.Key, handlersRun, duration.TotalMilliseconds);
        return WebhookDispatchResult.Accepted(webhookEvent, claim.Key, handlersRun, duration);
    }

    /// <inheritdoc/>
    public async ValueTask AbandonAsync(WebhookAdmission admission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        if (!admission.IsAdmitted || !admission.TrySettle())
        {
            return;
        }

        WebhookEvent webhookEvent = admission.Event!;
        WebhookDispatcherLog.Abandoned(_logger, webhookEvent.Provider, webhookEvent.EventType, admission.Claim!.Key);
        await ReleaseAsync(webhookEvent, admission.Claim).ConfigureAwait(false);
    }

    private async ValueTask ReleaseAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim)
    {
        try
        {
            // Not cancellable: an unreleased claim blocks every redelivery until it expires.
            await _store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ReleaseFailed(_logger, e, webhookEvent.Provider, webhookEvent.EventType, claim.Key);
        }
    }

    private TimeSpan Elapsed(long start) => _time.GetElapsedTime(start);
}
