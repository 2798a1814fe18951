using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>The <see cref="IWebhookDispatcher"/> that <c>AddLoanWebhooks</c> registers.</summary>
/// <remarks>
/// <see cref="DispatchAsync"/> is the hot path: when the store and the handlers complete synchronously it allocates
/// nothing itself (the key, claim, context and result are values; the scope holder is reused per thread), reads the clock twice,
/// and creates a DI scope only when a handler needs one.
/// </remarks>
internal sealed class WebhookDispatcher : IWebhookDispatcher
{
    private readonly Dictionary<WebhookProvider, WebhookProviderSettings> _settings;
    private readonly WebhookRouteTable _routes;
    private readonly IWebhookIdempotencyStore _store;
    private readonly IWebhookQuarantineStore _quarantine;
    private readonly Type[] _driftHandlers;
    private readonly IServiceProvider _root;
    private readonly WebhookDeliveryScopePool _scopes;
    private readonly WebhookClock _clock;
    private readonly ILogger _logger;

    public WebhookDispatcher(
        IEnumerable<WebhookProviderSettings> providers,
        WebhookRouteTable routes,
        IWebhookIdempotencyStore store,
        IWebhookQuarantineStore quarantine,
        IEnumerable<Type> driftHandlers,
        IServiceProvider root,
        IServiceScopeFactory scopes,
        TimeProvider time,
        ILogger logger)
    {
        Providers = new ReadOnlyDictionary<WebhookProvider, WebhookProviderSettings>(providers.ToDictionary(p => p.Provider));
        _settings = providers.ToDictionary(p => p.Provider);
        _routes = routes;
        _store = store;
        _quarantine = quarantine;
        _driftHandlers = driftHandlers.ToArray();
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
        if (!TryVerifyAndParse(delivery, start, out WebhookEvent? webhookEvent, out WebhookDispatchResult rejected, out WebhookParseError? drift))
        {
            return drift is null
                ? new ValueTask<WebhookDispatchResult>(rejected)
                : QuarantineAsync(delivery, drift, start, cancellationToken);
        }

        return ClaimAndRunAsync(webhookEvent, delivery.Body.Span, start, cancellationToken);
    }

    /// <summary>Claim → handlers → complete, for a verified and parsed event.</summary>
    private ValueTask<WebhookDispatchResult> ClaimAndRunAsync(WebhookEvent webhookEvent, ReadOnlySpan<byte> body, long start, CancellationToken cancellationToken)
    {
        var key = WebhookIdempotencyKey.For(webhookEvent, body);
        if (!Deduplicates(key))
        {
            return RunHandlersAsync(webhookEvent, WebhookIdempotencyClaim.Unstored(key), start, cancellationToken);
        }

        ValueTask<WebhookIdempotencyClaim> claiming;
        try
        {
            claiming = _store.ClaimAsync(key, cancellationToken);
        }
        catch (Exception e)
        {
            return new ValueTask<WebhookDispatchResult>(ClaimFailed(e, webhookEvent, key, start));
        }

        if (!claiming.IsCompletedSuccessfully)
        {
            return DispatchAfterClaimAsync(claiming, webhookEvent, key, start, cancellationToken);
        }

        WebhookIdempotencyClaim claim = claiming.Result;
        return claim.Status == WebhookClaimStatus.Claimed
            ? RunHandlersAsync(webhookEvent, claim, start, cancellationToken)
            : new ValueTask<WebhookDispatchResult>(NotClaimed(claim, webhookEvent, start));
    }

    /// <summary>A body hash is a deduplication key only where the provider's options ask for it: identical bodies without an id can be distinct events.</summary>
    private bool Deduplicates(WebhookIdempotencyKey key) =>
        key.Source == WebhookIdempotencyKeySource.ProviderId || _settings[key.Provider].DeduplicatesIdenticalBodies;

    private WebhookResponseStatuses Responses(WebhookProvider provider) => _settings[provider].Responses;

    /// <inheritdoc/>
    public async ValueTask<WebhookAdmission> AdmitAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        long start = _clock.GetTimestamp();
        DateTimeOffset receivedAt = _clock.WallTimeOf(start);
        if (!TryVerifyAndParse(delivery, start, out WebhookEvent? webhookEvent, out WebhookDispatchResult rejected, out WebhookParseError? drift))
        {
            if (drift is not null)
            {
                rejected = await QuarantineAsync(delivery, drift, start, cancellationToken).ConfigureAwait(false);
            }

            return WebhookAdmission.Settled(delivery, rejected, receivedAt, start);
        }

        var key = WebhookIdempotencyKey.For(webhookEvent, delivery.Body.Span);
        WebhookIdempotencyClaim claim;
        try
        {
            claim = Deduplicates(key)
                ? await _store.ClaimAsync(key, cancellationToken).ConfigureAwait(false)
                : WebhookIdempotencyClaim.Unstored(key);
        }
        catch (Exception e)
        {
            return WebhookAdmission.Settled(delivery, ClaimFailed(e, webhookEvent, key, start), receivedAt, start);
        }

        if (claim.Status != WebhookClaimStatus.Claimed)
        {
            return WebhookAdmission.Settled(delivery, NotClaimed(claim, webhookEvent, start), receivedAt, start);
        }

        var deferred = WebhookDispatchResult.Deferred(webhookEvent, claim.Key, Responses(webhookEvent.Provider).Deferred, Elapsed(start));
        if (_logger.IsEnabled(LogLevel.Debug))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.Admitted(_logger, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key), deferred.Duration.TotalMilliseconds);
#pragma warning restore CA1873
        }

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
        WebhookDispatcherLog.Abandoned(_logger, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
        await ReleaseAsync(webhookEvent, claim).ConfigureAwait(false);
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // Cold path: its state machine would widen the hot caller's frame.
    private async ValueTask<WebhookDispatchResult> DispatchAfterClaimAsync(
        ValueTask<WebhookIdempotencyClaim> claiming, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start, CancellationToken cancellationToken)
    {
        WebhookIdempotencyClaim claim;
        try
        {
            claim = await claiming.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return ClaimFailed(e, webhookEvent, key, start);
        }

        return claim.Status == WebhookClaimStatus.Claimed
            ? await RunHandlersAsync(webhookEvent, claim, start, cancellationToken).ConfigureAwait(false)
            : NotClaimed(claim, webhookEvent, start);
    }

    /// <summary>
    /// Verify and parse. False with <paramref name="drift"/> set when a verified body does not parse (it is to be
    /// quarantined); false with <paramref name="rejected"/> set for every other refusal. Every refusal is built in its
    /// own method: results are large values, and keeping them out of this frame keeps the accepted path from zeroing
    /// space for each of them.
    /// </summary>
    private bool TryVerifyAndParse(
        WebhookDelivery delivery, long start, [NotNullWhen(true)] out WebhookEvent? webhookEvent, out WebhookDispatchResult rejected, out WebhookParseError? drift)
    {
        webhookEvent = null;
        rejected = default;
        drift = null;
        WebhookProvider provider = delivery.Provider;

        // WebhookDelivery only accepts defined providers, so the index is in range.
        if (!_settings.TryGetValue(provider, out WebhookProviderSettings? settings))
        {
            rejected = NotConfigured(provider, start);
            return false;
        }

        // Before verification: a signature check would otherwise hash an arbitrarily large body.
        if (delivery.Body.Length > settings.MaxBodyBytes)
        {
            rejected = TooLarge(settings, delivery.Body.Length, start);
            return false;
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
                rejected = VerifierThrew(provider, e, start);
                return false;
            }

            if (!verification.IsVerified)
            {
                rejected = Unverified(settings, verification, start);
                return false;
            }
        }

        // A body read for this delivery alone is kept by the event instead of copied.
        if (!(delivery.OwnedBody is { } owned
                ? settings.Parser.TryParseOwned(owned, out webhookEvent, out var parseError, delivery.ExpectedEventType)
                : settings.Parser.TryParse(delivery.Body.Span, out webhookEvent, out parseError, delivery.ExpectedEventType)))
        {
            // Too large is known before parsing (checked above with the same limit); only a stream could differ.
            if (parseError.Reason == WebhookParseErrorReason.BodyTooLarge)
            {
                rejected = Unparseable(settings, parseError, start);
            }
            else
            {
                drift = parseError;
            }

            return false;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult NotConfigured(WebhookProvider provider, long start)
    {
        var notConfigured = WebhookDispatchResult.NotConfigured(provider, Elapsed(start));
        WebhookDispatcherLog.NotConfigured(_logger, provider, notConfigured.StatusCode);
        return notConfigured;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult TooLarge(WebhookProviderSettings settings, int bodyBytes, long start)
    {
        var tooLarge = WebhookDispatchResult.TooLarge(settings.Provider, settings.Responses.BodyTooLarge, Elapsed(start));
        WebhookDispatcherLog.TooLarge(_logger, settings.Provider, tooLarge.StatusCode, bodyBytes, settings.MaxBodyBytes);
        return tooLarge;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult VerifierThrew(WebhookProvider provider, Exception e, long start)
    {
        WebhookDispatcherLog.VerifierThrew(_logger, e, provider);
        return WebhookDispatchResult.Failed(provider, e, handlerType: null, webhookEvent: null, key: default, handlersRun: 0, Responses(provider).RetryLater, Elapsed(start));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult Unverified(WebhookProviderSettings settings, WebhookVerificationResult verification, long start)
    {
        var unverified = WebhookDispatchResult.Unverified(settings.Provider, verification, settings.Responses.Unverified, Elapsed(start));
        WebhookDispatcherLog.VerificationFailed(_logger, settings.Provider, unverified.StatusCode, verification.Reason, verification.Detail);
        return unverified;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult Unparseable(WebhookProviderSettings settings, WebhookParseError parseError, long start)
    {
        var unparseable = WebhookDispatchResult.Unparseable(settings.Provider, parseError, settings.Responses.BodyTooLarge, Elapsed(start));
        WebhookDispatcherLog.ParseFailed(_logger, settings.Provider, unparseable.StatusCode, parseError.Reason, parseError);
        return unparseable;
    }

    /// <summary>
    /// A verified body that does not fit its schema: keep it in the quarantine, hand it to the app's drift handlers,
    /// and answer per the provider's policy — success only once it is durably kept.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Cold path: its state machine would widen the hot caller's frame.
    private async ValueTask<WebhookDispatchResult> QuarantineAsync(WebhookDelivery delivery, WebhookParseError error, long start, CancellationToken cancellationToken)
    {
        WebhookProviderSettings settings = _settings[delivery.Provider];
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

    /// <summary>
    /// Runs a quarantined delivery through parse → claim → handlers → complete again, without verification (it was
    /// verified when it was received). One that still does not parse stays where it is.
    /// </summary>
    internal ValueTask<WebhookDispatchResult> ReplayAsync(QuarantinedWebhook quarantined, CancellationToken cancellationToken)
    {
        long start = _clock.GetTimestamp();
        if (!_settings.TryGetValue(quarantined.Provider, out WebhookProviderSettings? settings))
        {
            return new ValueTask<WebhookDispatchResult>(NotConfigured(quarantined.Provider, start));
        }

        if (!settings.Parser.TryParse(quarantined.Body.Span, out WebhookEvent? webhookEvent, out WebhookParseError? error, quarantined.ExpectedEventType))
        {
            WebhookDispatcherLog.ReplayStillDrifts(_logger, settings.Provider, error.Reason, error.JsonPath, quarantined.Id);
            return new ValueTask<WebhookDispatchResult>(WebhookDispatchResult.Quarantine(
                settings.Provider, error, quarantined, stored: true, driftHandlersRun: 0, exception: null, failedHandler: null, settings.Responses.RetryLater, Elapsed(start)));
        }

        return ClaimAndRunAsync(webhookEvent, quarantined.Body.Span, start, cancellationToken);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult ClaimFailed(Exception e, WebhookEvent webhookEvent, WebhookIdempotencyKey key, long start)
    {
        WebhookDispatcherLog.ClaimFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key));
        return WebhookDispatchResult.Failed(webhookEvent.Provider, e, handlerType: null, webhookEvent, key, handlersRun: 0, Responses(webhookEvent.Provider).RetryLater, Elapsed(start));
    }

    /// <summary>The result for a claim the store did not grant: a duplicate, or one being processed by another delivery.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private WebhookDispatchResult NotClaimed(WebhookIdempotencyClaim claim, WebhookEvent webhookEvent, long start)
    {
        if (claim.Status == WebhookClaimStatus.AlreadyCompleted)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
                WebhookDispatcherLog.Duplicate(_logger, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
#pragma warning restore CA1873
            }

            return WebhookDispatchResult.Duplicate(webhookEvent, claim.Key, Responses(webhookEvent.Provider).Duplicate, Elapsed(start));
        }

        var inProgress = WebhookDispatchResult.InProgress(webhookEvent, claim.Key, Responses(webhookEvent.Provider).RetryLater, Elapsed(start));
        if (_logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.InProgress(_logger, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key), inProgress.StatusCode);
#pragma warning restore CA1873
        }

        return inProgress;
    }

    /// <summary>Runs the routed handlers of a claimed event, then completes the claim (or releases it when one threw).</summary>
    /// <remarks>
    /// Synchronous while everything completes synchronously, which handlers and stores usually do: an async state
    /// machine here cost about 20 of the dispatcher's 170 ns. The first task that is still running hands the rest
    /// over to <see cref="ContinueHandlersAsync"/>, which does exactly the same from that point.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)] // Inlined, its locals would widen DispatchAsync's frame, which is zeroed on every call.
    private ValueTask<WebhookDispatchResult> RunHandlersAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, long start, CancellationToken cancellationToken)
    {
        WebhookRoute[] routes = _routes.Find(webhookEvent);
        if (routes.Length == 0)
        {
            return CompleteAsync(webhookEvent, claim, handlersRun: 0, start);
        }

        WebhookDeliveryScope scope = _scopes.Rent();
        var context = new WebhookHandlerContext(webhookEvent, claim.Key, _clock.WallTimeOf(start), scope);
        int handlersRun = 0;
        try
        {
            for (; handlersRun < routes.Length; handlersRun++)
            {
                WebhookRoute route = routes[handlersRun];
                ValueTask running = route.Invoker.InvokeAsync(route.Source.Resolve(_root, context), webhookEvent, context, cancellationToken);
                if (!running.IsCompletedSuccessfully)
                {
                    return ContinueHandlersAsync(running, routes, handlersRun, scope, context, claim, start, cancellationToken);
                }

                running.GetAwaiter().GetResult();
            }

            ValueTask ending = scope.EndAsync();
            if (!ending.IsCompletedSuccessfully)
            {
                return ContinueHandlersAsync(ending, routes, handlersRun, scope, context, claim, start, cancellationToken);
            }

            ending.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            return FailAsync(e, handlersRun < routes.Length ? routes[handlersRun].HandlerType : null, scope, webhookEvent, claim, handlersRun, start);
        }

        WebhookDeliveryScopePool.Return(scope);
        return CompleteAsync(webhookEvent, claim, handlersRun, start);
    }

    /// <summary>
    /// <see cref="RunHandlersAsync"/> from a task that did not complete synchronously: the handler at
    /// <paramref name="index"/>, or the scope's disposal when <paramref name="index"/> is past the last handler.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Cold path: its state machine would widen the hot caller's frame.
    private async ValueTask<WebhookDispatchResult> ContinueHandlersAsync(
        ValueTask pending,
        WebhookRoute[] routes,
        int index,
        WebhookDeliveryScope scope,
        WebhookHandlerContext context,
        WebhookIdempotencyClaim claim,
        long start,
        CancellationToken cancellationToken)
    {
        WebhookEvent webhookEvent = context.Event;
        int handlersRun = index;
        try
        {
            await pending.ConfigureAwait(false);
            if (handlersRun < routes.Length)
            {
                for (handlersRun++; handlersRun < routes.Length; handlersRun++)
                {
                    WebhookRoute route = routes[handlersRun];
                    await route.Invoker.InvokeAsync(route.Source.Resolve(_root, context), webhookEvent, context, cancellationToken).ConfigureAwait(false);
                }

                await scope.EndAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            return await FailAsync(e, handlersRun < routes.Length ? routes[handlersRun].HandlerType : null, scope, webhookEvent, claim, handlersRun, start).ConfigureAwait(false);
        }

        WebhookDeliveryScopePool.Return(scope);
        return await CompleteAsync(webhookEvent, claim, handlersRun, start).ConfigureAwait(false);
    }

    /// <summary>Records the handlers' success with the store (a failure to do so is logged, not fatal) and builds the result.</summary>
    private ValueTask<WebhookDispatchResult> CompleteAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, int handlersRun, long start)
    {
        if (!claim.IsStored)
        {
            return new ValueTask<WebhookDispatchResult>(Accepted(webhookEvent, claim.Key, handlersRun, start));
        }

        try
        {
            // Not cancellable: the handlers ran, and forgetting that would run them again on a redelivery.
            ValueTask completing = _store.CompleteAsync(claim, CancellationToken.None);
            if (!completing.IsCompletedSuccessfully)
            {
                return AwaitCompleteAsync(completing, webhookEvent, claim, handlersRun, start);
            }

            completing.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.CompleteFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
        }

        return new ValueTask<WebhookDispatchResult>(Accepted(webhookEvent, claim.Key, handlersRun, start));
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // Cold path: its state machine would widen the hot caller's frame.
    private async ValueTask<WebhookDispatchResult> AwaitCompleteAsync(ValueTask completing, WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, int handlersRun, long start)
    {
        try
        {
            await completing.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.CompleteFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
        }

        return Accepted(webhookEvent, claim.Key, handlersRun, start);
    }

    private WebhookDispatchResult Accepted(WebhookEvent webhookEvent, WebhookIdempotencyKey key, int handlersRun, long start)
    {
        TimeSpan duration = Elapsed(start);
        if (_logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // Guarded above; the analyzer does not see guards on a field.
            WebhookDispatcherLog.Accepted(_logger, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key), handlersRun, duration.TotalMilliseconds);
#pragma warning restore CA1873
        }

        return WebhookDispatchResult.Accepted(webhookEvent, key, handlersRun, Responses(webhookEvent.Provider).Accepted, duration);
    }

    /// <summary>
    /// A handler (<paramref name="failedIn"/>) or, when that is null, the scope's disposal threw: end the scope if a
    /// handler threw, release the claim so a redelivery runs the handlers again, and report the failure.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Cold path: its state machine would widen the hot caller's frame.
    private async ValueTask<WebhookDispatchResult> FailAsync(
        Exception e, Type? failedIn, WebhookDeliveryScope scope, WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, int handlersRun, long start)
    {
        if (failedIn is not null)
        {
            await EndScopeAfterFailureAsync(scope, webhookEvent, claim.Key).ConfigureAwait(false);
        }

        TimeSpan failedAfter = Elapsed(start);
        WebhookDispatcherLog.HandlerFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), failedIn?.FullName ?? "the handler scope", LoggedKey(webhookEvent, claim.Key), handlersRun, failedAfter.TotalMilliseconds);
        await ReleaseAsync(webhookEvent, claim).ConfigureAwait(false);
        return WebhookDispatchResult.Failed(webhookEvent.Provider, e, failedIn, webhookEvent, claim.Key, handlersRun, Responses(webhookEvent.Provider).HandlerFailed, failedAfter);
    }

    /// <summary>After a handler threw, the scope still has to go; its own failure must not hide the handler's.</summary>
    private async ValueTask EndScopeAfterFailureAsync(WebhookDeliveryScope scope, WebhookEvent webhookEvent, WebhookIdempotencyKey key)
    {
        try
        {
            await scope.EndAsync().ConfigureAwait(false);
            WebhookDeliveryScopePool.Return(scope);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ScopeDisposeFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, key));
        }
    }

    private async ValueTask ReleaseAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim)
    {
        if (!claim.IsStored)
        {
            return;
        }

        try
        {
            // Not cancellable: an unreleased claim blocks every redelivery until it expires.
            await _store.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ReleaseFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
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

    private const string UnknownEventType = "(unknown event type)";
}
