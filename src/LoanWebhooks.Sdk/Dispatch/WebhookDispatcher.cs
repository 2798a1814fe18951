using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Diagnostics;
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
/// The pipeline is <see cref="ReceiveAsync"/> (verify → parse) and <see cref="ClaimAndHandleAsync"/> (claim →
/// handlers → complete); every other method is one stage or one answer. The answers and their log lines are in
/// <c>WebhookDispatcher.Answers.cs</c>, schema drift and replay in <c>WebhookDispatcher.Quarantine.cs</c>.
/// </remarks>
internal sealed partial class WebhookDispatcher : IWebhookDispatcher
{
    private readonly FrozenDictionary<WebhookProvider, WebhookProviderSettings> _settings;
    private readonly WebhookRouteTable _routes;
    private readonly IWebhookIdempotencyStore _store;
    private readonly IWebhookQuarantineStore _quarantine;
    private readonly Type[] _driftHandlers;
    private readonly IServiceProvider _root;
    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookClock _clock;
    private readonly ILogger _logger;
    private readonly WebhookSchemaDriftTelemetry _drift;

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
        // The public view keeps registration order; lookups go through the frozen copy.
        Providers = new ReadOnlyDictionary<WebhookProvider, WebhookProviderSettings>(providers.ToDictionary(p => p.Provider));
        _settings = Providers.ToFrozenDictionary();
        _routes = routes;
        _store = store;
        _quarantine = quarantine;
        _driftHandlers = driftHandlers.ToArray();
        _root = root;
        _scopes = scopes;
        _clock = new WebhookClock(time);
        _logger = logger;
        _drift = new WebhookSchemaDriftTelemetry(logger);

        foreach (WebhookProviderSettings provider in Providers.Values.Where(p => !p.IsVerified))
        {
            WebhookDispatcherLog.VerificationDisabled(_logger, provider.Provider);
        }
    }

    /// <summary>Whether the pipeline runs the handlers itself or leaves them to <see cref="ProcessAsync"/>.</summary>
    private enum HandlerTiming
    {
        Now,
        Later,
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<WebhookProvider, WebhookProviderSettings> Providers { get; }

    /// <inheritdoc/>
    /// <remarks>Each entry point runs inside a <c>loanwebhooks.*</c> activity, with its metrics, only while a listener is attached.</remarks>
    public ValueTask<WebhookDispatchResult> DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return WebhookTelemetry.IsObserved
            ? WebhookDeliveryTelemetry.ObserveAsync(WebhookDeliveryTelemetry.Dispatch, delivery.Provider, (Dispatcher: this, delivery, cancellationToken), static s => s.Dispatcher.DispatchUnobservedAsync(s.delivery, s.cancellationToken))
            : DispatchUnobservedAsync(delivery, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<WebhookAdmission> AdmitAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return WebhookTelemetry.IsObserved
            ? WebhookDeliveryTelemetry.ObserveAdmissionAsync(delivery.Provider, (Dispatcher: this, delivery, cancellationToken), static s => s.Dispatcher.AdmitUnobservedAsync(s.delivery, s.cancellationToken))
            : AdmitUnobservedAsync(delivery, cancellationToken);
    }

    private async ValueTask<WebhookDispatchResult> DispatchUnobservedAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        long start = _clock.GetTimestamp();
        Reception reception = await ReceiveAsync(delivery, HandlerTiming.Now, start, cancellationToken).ConfigureAwait(false);
        return reception.Result;
    }

    private async ValueTask<WebhookAdmission> AdmitUnobservedAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        long start = _clock.GetTimestamp();
        DateTimeOffset receivedAt = _clock.WallTimeOf(start);
        Reception reception = await ReceiveAsync(delivery, HandlerTiming.Later, start, cancellationToken).ConfigureAwait(false);
        return reception.HeldClaim is { } claim
            ? WebhookAdmission.Admitted(delivery, reception.Result, claim, receivedAt, start)
            : WebhookAdmission.Settled(delivery, reception.Result, receivedAt, start);
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
        WebhookProviderSettings settings = _settings[webhookEvent.Provider];
        if (!WebhookTelemetry.IsObserved)
        {
            return await RunHandlersAsync(settings, webhookEvent, admission.Claim!.Value, admission.StartTimestamp, cancellationToken).ConfigureAwait(false);
        }

        // Background processing is its own activity, linked to the admission's rather than nested in it.
        return await WebhookDeliveryTelemetry.ObserveAsync(
            WebhookDeliveryTelemetry.Process,
            webhookEvent.Provider,
            (Dispatcher: this, settings, admission, cancellationToken),
            static s => s.Dispatcher.RunHandlersAsync(s.settings, s.admission.Event!, s.admission.Claim!.Value, s.admission.StartTimestamp, s.cancellationToken),
            admission.AdmittedIn).ConfigureAwait(false);
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

    /// <summary>The pipeline up to the parsed event: look up the provider → size limit → verify → parse, then claim and handle it.</summary>
    private async ValueTask<Reception> ReceiveAsync(WebhookDelivery delivery, HandlerTiming handlers, long start, CancellationToken cancellationToken)
    {
        if (!_settings.TryGetValue(delivery.Provider, out WebhookProviderSettings? settings))
        {
            return new(NotConfigured(delivery.Provider, start));
        }

        // Before verification: a signature check would otherwise hash an arbitrarily large body.
        if (delivery.Body.Length > settings.MaxBodyBytes)
        {
            return new(TooLarge(settings, delivery.Body.Length, start));
        }

        if (Verify(settings, delivery, start) is { } unverified)
        {
            return new(unverified);
        }

        if (!Parse(settings, delivery.Body, delivery.OwnedBody, delivery.ExpectedEventType, out WebhookEvent? webhookEvent, out WebhookParseError? parseError))
        {
            // Too large is known before parsing (checked above with the same limit); anything else is schema drift.
            return new(parseError.Reason == WebhookParseErrorReason.BodyTooLarge
                ? Unparseable(settings, parseError, start)
                : await QuarantineAsync(settings, delivery, parseError, start, cancellationToken).ConfigureAwait(false));
        }

        return await ClaimAndHandleAsync(settings, webhookEvent, delivery.Body, handlers, start, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pipeline from a parsed event: claim → handlers now (or, for an admission, later) → complete.</summary>
    private async ValueTask<Reception> ClaimAndHandleAsync(
        WebhookProviderSettings settings, WebhookEvent webhookEvent, ReadOnlyMemory<byte> body, HandlerTiming handlers, long start, CancellationToken cancellationToken)
    {
        var key = WebhookIdempotencyKey.For(webhookEvent, body.Span);
        WebhookIdempotencyClaim claim;
        try
        {
            claim = await ClaimAsync(settings, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return new(ClaimFailed(settings, e, webhookEvent, key, start));
        }

        switch (claim.Status)
        {
            case WebhookClaimStatus.AlreadyCompleted:
                return new(Duplicate(settings, webhookEvent, claim.Key, start));
            case WebhookClaimStatus.InProgress:
                return new(InProgress(settings, webhookEvent, claim.Key, start));
        }

        if (handlers == HandlerTiming.Later)
        {
            return new(Deferred(settings, webhookEvent, claim.Key, start), HeldClaim: claim);
        }

        return new(await RunHandlersAsync(settings, webhookEvent, claim, start, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Verify: null when the delivery is authentic (or verification is off), otherwise the answer.</summary>
    private WebhookDispatchResult? Verify(WebhookProviderSettings settings, WebhookDelivery delivery, long start)
    {
        if (settings.Verifier is not { } verifier)
        {
            return null;
        }

        WebhookVerificationResult verification;
        try
        {
            verification = WebhookStageTelemetry.Verify(verifier, new WebhookRequest(delivery.Body, delivery.Headers, delivery.RemoteIpAddress));
        }
        catch (Exception e)
        {
            return VerifierThrew(settings, e, start);
        }

        return verification.IsVerified ? null : Unverified(settings, verification, start);
    }

    /// <summary>
    /// Parse: the provider's parser; a body read for this delivery alone (<paramref name="ownedBody"/>) is kept by the
    /// event instead of copied. Schema drift in a parsed event (unknown type, unmapped members) is counted and logged.
    /// </summary>
    private bool Parse(
        WebhookProviderSettings settings,
        ReadOnlyMemory<byte> body,
        byte[]? ownedBody,
        string? expectedEventType,
        [NotNullWhen(true)] out WebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookParseError? error) =>
        WebhookStageTelemetry.TryParse(settings.Parser, body, ownedBody, expectedEventType, _drift, out webhookEvent, out error);

    /// <summary>
    /// Claim: the store's answer. A body hash is a deduplication key only where the provider's options ask for it
    /// (identical bodies without an id can be distinct events); otherwise the dispatcher grants itself a claim no store holds.
    /// </summary>
    private ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookProviderSettings settings, WebhookIdempotencyKey key, CancellationToken cancellationToken) =>
        key.Source == WebhookIdempotencyKeySource.ProviderId || settings.DeduplicatesIdenticalBodies
            ? WebhookStageTelemetry.ClaimAsync(_store, key, cancellationToken)
            : new ValueTask<WebhookIdempotencyClaim>(WebhookIdempotencyClaim.Unstored(key));

    /// <summary>Handlers → complete: runs the routed handlers of a claimed event in order, then completes the claim (or releases it when one threw).</summary>
    private async ValueTask<WebhookDispatchResult> RunHandlersAsync(
        WebhookProviderSettings settings, WebhookEvent webhookEvent, WebhookIdempotencyClaim claim, long start, CancellationToken cancellationToken)
    {
        WebhookRoute[] routes = _routes.Find(webhookEvent);
        int handlersRun = 0;
        if (routes.Length > 0)
        {
            var scope = new WebhookDeliveryScope(_scopes);
            var context = new WebhookHandlerContext(webhookEvent, claim.Key, _clock.WallTimeOf(start), scope);
            try
            {
                for (; handlersRun < routes.Length; handlersRun++)
                {
                    await RunHandlerAsync(routes[handlersRun], context, cancellationToken).ConfigureAwait(false);
                }

                await scope.EndAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Past the last handler, it was the scope's disposal that threw.
                Type? failedIn = handlersRun < routes.Length ? routes[handlersRun].HandlerType : null;
                return await HandlerFailedAsync(settings, e, failedIn, scope, webhookEvent, claim, handlersRun, start).ConfigureAwait(false);
            }
        }

        await CompleteAsync(webhookEvent, claim).ConfigureAwait(false);
        return Accepted(settings, webhookEvent, claim.Key, handlersRun, start);
    }

    /// <summary>One handler: resolved (from the delivery's scope unless it is a singleton) and called.</summary>
    private ValueTask RunHandlerAsync(WebhookRoute route, in WebhookHandlerContext context, CancellationToken cancellationToken) =>
        WebhookStageTelemetry.InvokeHandlerAsync(route, route.Source.Resolve(_root, context), context.Event, context, cancellationToken);

    /// <summary>Complete: records the handlers' success with the store; a failure to do so is logged, not fatal.</summary>
    private async ValueTask CompleteAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim)
    {
        if (!claim.IsStored)
        {
            return;
        }

        try
        {
            // Not cancellable: the handlers ran, and forgetting that would run them again on a redelivery.
            await WebhookStageTelemetry.CompleteAsync(_store, claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.CompleteFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
        }
    }

    /// <summary>Release: gives the claim back so a redelivery runs the handlers again; a failure to do so is logged.</summary>
    private async ValueTask ReleaseAsync(WebhookEvent webhookEvent, WebhookIdempotencyClaim claim)
    {
        if (!claim.IsStored)
        {
            return;
        }

        try
        {
            // Not cancellable: an unreleased claim blocks every redelivery until it expires.
            await WebhookStageTelemetry.ReleaseAsync(_store, claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            WebhookDispatcherLog.ReleaseFailed(_logger, e, webhookEvent.Provider, LoggedEventType(webhookEvent), LoggedKey(webhookEvent, claim.Key));
        }
    }

    /// <summary>The pipeline's answer, and the claim it holds when the handlers were left for <see cref="ProcessAsync"/>.</summary>
    private readonly record struct Reception(WebhookDispatchResult Result, WebhookIdempotencyClaim? HeldClaim = null);
}
