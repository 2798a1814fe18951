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
/// <remarks>
/// <see cref="DispatchAsync"/> is the hot path: when the store and the handlers complete synchronously it allocates
/// nothing itself (the key, claim, context and result are values; the scope holder is pooled), reads the clock twice,
/// and creates a DI scope only when a handler needs one.
/// </remarks>
internal sealed class WebhookDispatcher : IWebhookDispatcher
{
    private readonly WebhookProviderSettings?[] _settings;
    private readonly WebhookRouteTable _routes;
    private readonly IWebhookIdempotencyStore _store;
    private readonly IServiceProvider _root;
    private readonly WebhookDeliveryScopePool _scopes;
    private readonly WebhookClock _clock;
    private readonly ILogger _logger;

    public WebhookDispatcher(
        IEnumerable<WebhookProviderSettings> providers,
        WebhookRouteTable routes,
        IWebhookIdempotencyStore store,
        IServiceProvider root,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger logger)
    {
        Providers = new ReadOnlyDictionary<WebhookProvider, WebhookProviderSettings>(providers.ToDictionary(p => p.Provider));
        _settings = new WebhookProviderSettings?[Enum.GetValues<WebhookProvider>().Max(p => (int)p) + 1];
        foreach (WebhookProviderSettings settings in Providers.Values)
        {
            _settings[(int)settings.Provider] = settings;
        }
        _routes = routes;
        _store = store;
        _root = root;
        _scopes = new WebhookDeliveryScopePool(scopes);
        _clock = new WebhookClock(time);
        _logger = logger;

        foreach (WebhookProviderSettings provider in Providers.Values.Where(p => !p.IsVerified))
        {
            WebhookDispatcherLog.VerificationDisabled(_logger, provider.Provider);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<WebhookProvider, WebhookProviderSettings> Providers { get; }

    /// <inheritdoc/>
    public ValueTask<WebhookDispatchResult> DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        long start = _clock.GetTimestamp();
        ValueTask<Intake> intake = TakeInAsync(delivery, start, cancellationToken);
        if (!intake.IsCompletedSuccessfully)
        {
            return DispatchAfterClaimAsync(intake, start, cancellationToken);
        }

        Intake admitted = intake.Result;
        return admitted.Settled is { } settled
            ? new ValueTask<WebhookDispatchResult>(settled)
            : RunHandlersAsync(admitted.Event!, admitted.Claim, start, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<WebhookAdmission> AdmitAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        long start = _clock.GetTimestamp();
        DateTimeOffset receivedAt = _clock.WallTimeOf(start);
        Intake intake = await TakeInAsync(delivery, start, cancellationToken).ConfigureAwait(false);
        if (intake.Settled is { } settled)
        {
            return WebhookAdmission.Settled(delivery, settled, receivedAt, start);
        }

        WebhookEvent webhookEvent = intake.Event!;
        WebhookIdempotencyClaim claim = intake.Claim;
        var deferred = WebhookDispatchResult.Deferred(webhookEvent, claim.Key, Elapsed(start));
        WebhookDispatcherLog.Admitted(_logger, webhookEvent.Provider, webhookEvent.EventType, claim.Key, deferred.Duration.TotalMilliseconds);
        return WebhookAdmission.Admitted(delivery, deferred, claim, receivedAt, start);
    }

    /// <inheritdoc/>
    public ValueTask<WebhookDispatchResult> ProcessAsync(WebhookAdmission admission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admission);
        if (!admission.IsAdmitted)
        {
            return new ValueTask<WebhookDispatchResult>(admission.Result);
        }

        if (!admission.TrySettle())
        {
            throw new InvalidOperationException("This admission was already processed or abandoned.");
        }

        return RunHandlersAsync(admission.Event!, admission.Claim!.Value, admission.StartTimestamp, cancellationToken);
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
        WebhookIdempotencyClaim claim = admission.Claim!.Value;
        WebhookDispatcherLog.Abandoned(_logger, webhookEvent.Provider, webhookEvent.EventType, claim.Key);
        await ReleaseAsync(webhookEvent, claim).ConfigureAwait(false);
    }

    private async ValueTask<WebhookDispatchResult> DispatchAfterClaimAsync(ValueTask<Intake> pending, long start, CancellationToken cancellationToken)
    {
        Intake intake = await pending.ConfigureAwait(false);
        return intake.Settled ?? await RunHandlersAsync(intake.Event!, intake.Claim, start, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verify, parse and claim; completes synchronously when the store does.</summary>
    private ValueTask<Intake> TakeInAsync(WebhookDelivery delivery, long start, CancellationToken cancellationToken)
    {
        WebhookProvider provider = delivery.Provider;
        // WebhookDelivery only accepts defined providers, so the index is in range.
        if (_settings[(int)provider] is not { } settings)
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
                return Settle(WebhookDispatchResult.Failed(provider, e, handlerType: null, webhookEvent: null, key: default, handlersRun: 0, Elapsed(start)));
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
        ValueTask<WebhookIdempotencyClaim> claiming;
        try
        {
            claiming = _store.ClaimAsync(key, cancellationToken);
        }
        catch (Exception e)
        {
            return Settle(ClaimFailed(e, webhookEvent, key, start));
        }

        return claiming.IsCompletedSuccessfully
            ? new ValueTask<Intake>(Claimed(claiming.Result, webhookEvent, start))
            : AwaitClaimAsync(claiming, webhookEvent, key, start);
    }

    private async ValueTask<Intake> AwaitClaimAsync(ValueTask<WebhookIdempotencyClaim> claiming, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        WebhookIdempotencyClaim claim;
        try
        {
            claim = await claiming.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return new Intake(ClaimFailed(e, webhookEvent, key, start));
        }

        return Claimed(claim, webhookEvent, start);
    }

    private WebhookDispatchResult ClaimFailed(Exception e, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        WebhookDispatcherLog.ClaimFailed(_logger, e, webhookEvent.Provider, webhookEvent.EventType, key);
        return WebhookDispatchResult.Failed(webhookEvent.Provider, e, handlerType: null, webhookEvent, key, handlersRun: 0, Elapsed(start));
    }

    private Intake Claimed(WebhookIdempotencyClaim claim, WebhookEvent webhookEvent, long start)
    {
        switch (claim.Status)
        {
            case WebhookClaimStatus.AlreadyCompleted:
                WebhookDispatcherLog.Duplicate(_logger, webhookEvent.Provider, webhookEvent.EventType, claim.Key);
                return new Intake(WebhookDispatchResult.Duplicate(webhookEvent, claim.Key, Elapsed(start)));
            case WebhookClaimStatus.InProgress:
                var inProgress = WebhookDispatchResult.InProgress(webhookEvent, claim.Key, Elapsed(start));
                WebhookDispatcherLog.InProgress(_logger, webhookEvent.Provider, webhookEvent.EventType, claim.Key, inProgress.StatusCode);
                return new Intake(inProgress);
            default:
                return new Intake(webhookEvent, claim);
        }
    }

    /// <summary>Runs the routed handlers of a claimed event, then completes the claim (or releases it when one threw).</summary>
    private async ValueTask<WebhookDispatchResult> RunHandlersAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, long start, CancellationToken cancellationToken)
    {
        WebhookRoute[] routes = _routes.Find(webhookEvent);
        int handlersRun = 0;
        Type? current = null;
        WebhookDeliveryScope? scope = null;
        try
        {
            if (routes.Length > 0)
            {
                scope = _scopes.Rent();
                var context = new WebhookHandlerContext(webhookEvent, claim.Key, _clock.WallTimeOf(start), scope);
                foreach (WebhookRoute route in routes)
                {
                    current = route.HandlerType;
                    object handler = route.Resolve(_root, context);
                    await route.Invoker.InvokeAsync(handler, webhookEvent, context, cancellationToken).ConfigureAwait(false);
                    handlersRun++;
                }

                current = null;
                await scope.EndAsync().ConfigureAwait(false);

                _scopes.Return(scope);
            }
        }
        catch (Exception e)
        {
            // A failure after the handlers came from ending the scope, which is over either way.
            if (current is not null && scope is not null)
            {
                await EndScopeAfterFailureAsync(scope, webhookEvent, claim.Key).ConfigureAwait(false);
            }

            TimeSpan failedAfter = Elapsed(start);
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

        TimeSpan duration = Elapsed(start);
        WebhookDispatcherLog.Accepted(_logger, webhookEvent.Provider, webhookEvent.EventType, claim.Key, handlersRun, duration.TotalMilliseconds);
        return WebhookDispatchResult.Accepted(webhookEvent, claim.Key, handlersRun, duration);
    }

    /// <summary>After a handler threw, the scope still has to go; its own failure must not hide the handler's.</summary>
    private async ValueTask EndScopeAfterFailureAsync(WebhookDeliveryScope scope, WebhookEvent webhookEvent, WebhookIdempotencyKey key)
    {
        try
        {
            await scope.EndAsync().ConfigureAwait(false);
            _scopes.Return(scope);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ScopeDisposeFailed(_logger, e, webhookEvent.Provider, webhookEvent.EventType, key);
        }
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

    private static ValueTask<Intake> Settle(WebhookDispatchResult result) => new(new Intake(result));

    private TimeSpan Elapsed(long start) => _clock.GetElapsedTime(start);

    /// <summary>A delivery after verify, parse and claim: either settled with a final result, or claimed and ready for its handlers.</summary>
    private readonly struct Intake
    {
        public Intake(WebhookDispatchResult settled) => Settled = settled;

        public Intake(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim)
        {
            Event = webhookEvent;
            Claim = claim;
        }

        public WebhookDispatchResult? Settled { get; }

        public WebhookEvent? Event { get; }

        public WebhookIdempotencyClaim Claim { get; }
    }
}
