using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace LoanWebhooks.Sdk.Diagnostics;

/// <summary>
/// The stages of a delivery as child activities of its <c>loanwebhooks.*</c> activity, so a slow verifier, a slow
/// store or a slow handler shows in a trace: each method stands in for the one call the dispatcher makes, and
/// without a listener it is that call and a flag check.
/// </summary>
internal static class WebhookStageTelemetry
{
    public const string VerifyActivity = "loanwebhooks.verify";
    public const string ParseActivity = "loanwebhooks.parse";
    public const string ClaimActivity = "loanwebhooks.claim";
    public const string CompleteActivity = "loanwebhooks.complete";
    public const string ReleaseActivity = "loanwebhooks.release";
    public const string HandlerActivity = "loanwebhooks.handler";

    /// <summary><paramref name="verifier"/>.Verify(<paramref name="request"/>), inside <c>loanwebhooks.verify</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static WebhookVerificationResult Verify(IWebhookVerifier verifier, WebhookRequest request) =>
        WebhookTelemetry.Source.HasListeners() ? VerifyObserved(verifier, request) : verifier.Verify(request);

    /// <summary>The provider's parser on the delivery's body (kept instead of copied when the delivery owns it), inside <c>loanwebhooks.parse</c>.</summary>
    /// <remarks>An event that shows schema drift (an unknown type, unmapped members) is counted and logged here, listener or not.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(
        IWebhookParser parser,
        ReadOnlyMemory<byte> body,
        byte[]? ownedBody,
        string? expectedEventType,
        WebhookSchemaDriftTelemetry drift,
        [NotNullWhen(true)] out WebhookEvent? webhookEvent,
        [NotNullWhen(false)] out WebhookParseError? error)
    {
        bool parsed = WebhookTelemetry.Source.HasListeners()
            ? TryParseObserved(parser, body, ownedBody, expectedEventType, out webhookEvent, out error)
            : TryParseUnobserved(parser, body, ownedBody, expectedEventType, out webhookEvent, out error);
        if (parsed && WebhookSchemaDriftTelemetry.Drifted(webhookEvent!))
        {
            drift.Observe(webhookEvent!);
        }

        return parsed;
    }

    /// <summary><paramref name="store"/>.ClaimAsync, inside <c>loanwebhooks.claim</c>; a throw is counted as a store error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask<WebhookIdempotencyClaim> ClaimAsync(IWebhookIdempotencyStore store, WebhookIdempotencyKey key, CancellationToken cancellationToken) =>
        IsObserved ? ClaimObservedAsync(store, key, cancellationToken) : store.ClaimAsync(key, cancellationToken);

    /// <summary><paramref name="store"/>.CompleteAsync, inside <c>loanwebhooks.complete</c>; a throw is counted as a store error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask CompleteAsync(IWebhookIdempotencyStore store, WebhookIdempotencyClaim claim, CancellationToken cancellationToken) =>
        IsObserved ? StoreObservedAsync(store, claim, CompleteActivity, "complete", cancellationToken) : store.CompleteAsync(claim, cancellationToken);

    /// <summary><paramref name="store"/>.ReleaseAsync, inside <c>loanwebhooks.release</c>; a throw is counted as a store error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask ReleaseAsync(IWebhookIdempotencyStore store, WebhookIdempotencyClaim claim, CancellationToken cancellationToken) =>
        IsObserved ? StoreObservedAsync(store, claim, ReleaseActivity, "release", cancellationToken) : store.ReleaseAsync(claim, cancellationToken);

    /// <summary>One handler, inside <c>loanwebhooks.handler</c>: the handler's own spans nest under it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask InvokeHandlerAsync(WebhookRoute route, object handler, WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
        WebhookTelemetry.Source.HasListeners()
            ? InvokeHandlerObservedAsync(route, handler, webhookEvent, context, cancellationToken)
            : route.Invoker.InvokeAsync(handler, webhookEvent, context, cancellationToken);

    private static bool IsObserved => WebhookTelemetry.Source.HasListeners() || WebhookTelemetry.IdempotencyStoreErrors.Enabled;

    private static WebhookVerificationResult VerifyObserved(IWebhookVerifier verifier, WebhookRequest request)
    {
        using Activity? activity = WebhookTelemetry.Source.StartActivity(VerifyActivity, ActivityKind.Internal);
        WebhookVerificationResult result = verifier.Verify(request);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookTelemetryTags.VerificationReason, WebhookTelemetryTags.Of(result.Reason));
        }

        return result;
    }

    private static bool TryParseUnobserved(
        IWebhookParser parser, ReadOnlyMemory<byte> body, byte[]? ownedBody, string? expectedEventType, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? error) =>
        ownedBody is not null
            ? parser.TryParseOwned(ownedBody, out webhookEvent, out error, expectedEventType)
            : parser.TryParse(body.Span, out webhookEvent, out error, expectedEventType);

    private static bool TryParseObserved(
        IWebhookParser parser, ReadOnlyMemory<byte> body, byte[]? ownedBody, string? expectedEventType, [NotNullWhen(true)] out WebhookEvent? webhookEvent, [NotNullWhen(false)] out WebhookParseError? error)
    {
        using Activity? activity = WebhookTelemetry.Source.StartActivity(ParseActivity, ActivityKind.Internal);
        bool parsed = TryParseUnobserved(parser, body, ownedBody, expectedEventType, out webhookEvent, out error);
        if (activity is { IsAllDataRequested: true })
        {
            if (parsed)
            {
                activity.SetTag(WebhookTelemetryTags.EventType, WebhookTelemetryTags.EventTypeOf(webhookEvent!));
                activity.SetTag(WebhookTelemetryTags.EventMatch, WebhookTelemetryTags.Of(webhookEvent!.Match));
            }
            else
            {
                activity.SetTag(WebhookTelemetryTags.ParseErrorReason, WebhookTelemetryTags.Of(error!.Reason));
            }
        }

        return parsed;
    }

    private static async ValueTask<WebhookIdempotencyClaim> ClaimObservedAsync(IWebhookIdempotencyStore store, WebhookIdempotencyKey key, CancellationToken cancellationToken)
    {
        using Activity? activity = WebhookTelemetry.Source.StartActivity(ClaimActivity, ActivityKind.Internal);
        try
        {
            WebhookIdempotencyClaim claim = await store.ClaimAsync(key, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(WebhookTelemetryTags.ClaimStatus, WebhookTelemetryTags.Of(claim.Status));
            return claim;
        }
        catch (Exception e)
        {
            StoreFailed(activity, key.Provider, "claim", e);
            throw;
        }
    }

    private static async ValueTask StoreObservedAsync(IWebhookIdempotencyStore store, WebhookIdempotencyClaim claim, string activityName, string operation, CancellationToken cancellationToken)
    {
        using Activity? activity = WebhookTelemetry.Source.StartActivity(activityName, ActivityKind.Internal);
        try
        {
            if (operation == "complete")
            {
                await store.CompleteAsync(claim, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await store.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            StoreFailed(activity, claim.Key.Provider, operation, e);
            throw;
        }
    }

    private static async ValueTask InvokeHandlerObservedAsync(WebhookRoute route, object handler, WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        using Activity? activity = WebhookTelemetry.Source.StartActivity(HandlerActivity, ActivityKind.Internal);
        activity?.SetTag(WebhookTelemetryTags.HandlerType, route.HandlerType.FullName);
        try
        {
            await route.Invoker.InvokeAsync(handler, webhookEvent, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error).SetTag(WebhookTelemetryTags.ErrorType, e.GetType().FullName);
            throw;
        }
    }

    private static void StoreFailed(Activity? activity, WebhookProvider provider, string operation, Exception e)
    {
        activity?.SetStatus(ActivityStatusCode.Error).SetTag(WebhookTelemetryTags.ErrorType, e.GetType().FullName);
        WebhookTelemetry.IdempotencyStoreErrors.Add(
            1,
            new Tag(WebhookTelemetryTags.Provider, provider.ToString()),
            new Tag(WebhookTelemetryTags.StoreOperation, operation),
            new Tag(WebhookTelemetryTags.ErrorType, e.GetType().FullName));
    }
}
