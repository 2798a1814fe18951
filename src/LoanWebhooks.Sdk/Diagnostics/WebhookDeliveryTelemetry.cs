using System;
using System.Diagnostics;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using Tag = System.Collections.Generic.KeyValuePair<string, object?>;

namespace LoanWebhooks.Sdk.Diagnostics;

/// <summary>
/// One delivery's activity and metrics: <see cref="ObserveAsync"/> runs a dispatcher operation inside an activity
/// and records its result. The dispatcher calls it only when <see cref="WebhookTelemetry.IsObserved"/>, so without a
/// listener none of this runs.
/// </summary>
internal static class WebhookDeliveryTelemetry
{
    /// <summary>A delivery dispatched inline (<c>DispatchAsync</c>).</summary>
    public const string Dispatch = "dispatch";

    /// <summary>A delivery admitted for background processing (<c>AdmitAsync</c>): the answer the provider gets.</summary>
    public const string Admit = "admit";

    /// <summary>An admitted delivery's handlers, run from the background queue (<c>ProcessAsync</c>).</summary>
    public const string Process = "process";

    /// <summary>A quarantined delivery run again (<c>ReplayAsync</c>).</summary>
    public const string Replay = "replay";

    /// <summary>
    /// Runs <paramref name="run"/> inside the activity <c>loanwebhooks.{operation}</c> (its stages and the handlers'
    /// own spans nest under it) and records the result it returns. An async method on purpose: the activity is
    /// current only while it runs, never in the caller after it returns.
    /// </summary>
    /// <param name="operation">One of <see cref="Dispatch"/>, <see cref="Admit"/>, <see cref="Process"/>, <see cref="Replay"/>.</param>
    /// <param name="provider">The delivery's provider.</param>
    /// <param name="state">What <paramref name="run"/> needs, so that it can be a static lambda (no closure per delivery).</param>
    /// <param name="run">The unobserved operation.</param>
    /// <param name="linkedTo">An activity this one follows from without being its child (background processing links to its admission).</param>
    public static async ValueTask<WebhookDispatchResult> ObserveAsync<TState>(
        string operation, WebhookProvider provider, TState state, Func<TState, ValueTask<WebhookDispatchResult>> run, ActivityContext linkedTo = default)
    {
        using Activity? activity = Start(operation, provider, linkedTo);
        WebhookDispatchResult result;
        try
        {
            result = await run(state).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Threw(activity, e);
            throw;
        }

        Finish(activity, operation, result);
        return result;
    }

    /// <summary><see cref="ObserveAsync"/> for an admission: the result recorded is the answer the provider gets.</summary>
    public static async ValueTask<WebhookAdmission> ObserveAdmissionAsync<TState>(
        WebhookProvider provider, TState state, Func<TState, ValueTask<WebhookAdmission>> run)
    {
        using Activity? activity = Start(Admit, provider, linkedTo: default);
        WebhookAdmission admission;
        try
        {
            admission = await run(state).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Threw(activity, e);
            throw;
        }

        Finish(activity, Admit, admission.Result);
        return admission;
    }

    /// <summary>The current activity's context while the SDK is traced; default otherwise (no async-local read without a listener).</summary>
    public static ActivityContext CurrentContext() =>
        WebhookTelemetry.Source.HasListeners() && Activity.Current is { } current ? current.Context : default;

    private static Activity? Start(string operation, WebhookProvider provider, ActivityContext linkedTo)
    {
        Activity? activity = linkedTo == default
            ? WebhookTelemetry.Source.StartActivity(ActivityName(operation), ActivityKind.Internal)
            : WebhookTelemetry.Source.StartActivity(ActivityName(operation), ActivityKind.Internal, parentContext: default, links: new[] { new ActivityLink(linkedTo) });
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookTelemetryTags.Provider, provider.ToString());
            activity.SetTag(WebhookTelemetryTags.Operation, operation);
        }

        return activity;
    }

    /// <summary>The dispatcher turns every failure into a result; only a caller's mistake (a second ProcessAsync) or a cancelled admission throws.</summary>
    private static void Threw(Activity? activity, Exception e) =>
        activity?.SetStatus(ActivityStatusCode.Error).SetTag(WebhookTelemetryTags.ErrorType, e.GetType().FullName);

    private static void Finish(Activity? activity, string operation, in WebhookDispatchResult result)
    {
        Tag(activity, result);
        Record(operation, result);
    }

    /// <summary>The activity name of an operation: <c>loanwebhooks.dispatch</c>, <c>loanwebhooks.admit</c>, … (literals, no allocation).</summary>
    public static string ActivityName(string operation) => operation switch
    {
        Dispatch => "loanwebhooks.dispatch",
        Admit => "loanwebhooks.admit",
        Process => "loanwebhooks.process",
        Replay => "loanwebhooks.replay",
        _ => "loanwebhooks." + operation,
    };

    /// <summary>The result's tags on the delivery's activity; failures mark it as an error.</summary>
    private static void Tag(Activity? activity, in WebhookDispatchResult result)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(WebhookTelemetryTags.Outcome, WebhookTelemetryTags.Of(result.Outcome, result.HandlersDeferred));
        activity.SetTag(WebhookTelemetryTags.StatusCode, WebhookTelemetryTags.StatusCodeOf(result.StatusCode));
        if (result.Event is { } webhookEvent)
        {
            activity.SetTag(WebhookTelemetryTags.EventType, WebhookTelemetryTags.EventTypeOf(webhookEvent));
            activity.SetTag(WebhookTelemetryTags.EventMatch, WebhookTelemetryTags.Of(webhookEvent.Match));
            activity.SetTag(WebhookTelemetryTags.HandlersRun, result.HandlersRun);
        }

        if (result.RejectionReason != WebhookRejectionReason.None)
        {
            activity.SetTag(WebhookTelemetryTags.RejectionReason, WebhookTelemetryTags.Of(result.RejectionReason));
        }

        if (result.VerificationResult is { } verification)
        {
            activity.SetTag(WebhookTelemetryTags.VerificationReason, WebhookTelemetryTags.Of(verification.Reason));
        }

        if (result.ParseError is { } parseError)
        {
            activity.SetTag(WebhookTelemetryTags.ParseErrorReason, WebhookTelemetryTags.Of(parseError.Reason));
        }

        if (result.Quarantined is not null)
        {
            activity.SetTag(WebhookTelemetryTags.QuarantineStored, result.QuarantineStored);
        }

        if (result.Outcome == WebhookDispatchOutcome.Failed || result.Exception is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag(WebhookTelemetryTags.ErrorType, result.Exception?.GetType().FullName ?? WebhookTelemetryTags.Other);
        }
    }

    /// <summary>The result's metrics. Every tag list fits <see cref="TagList"/>'s eight inline slots, so recording allocates nothing.</summary>
    private static void Record(string operation, in WebhookDispatchResult result)
    {
        string provider = result.Provider.ToString();
        string outcome = WebhookTelemetryTags.Of(result.Outcome, result.HandlersDeferred);
        string eventType = result.Event is { } known ? WebhookTelemetryTags.EventTypeOf(known) : WebhookTelemetryTags.Other;

        var delivery = new TagList
        {
            { WebhookTelemetryTags.Provider, provider },
            { WebhookTelemetryTags.Operation, operation },
            { WebhookTelemetryTags.EventType, eventType },
            { WebhookTelemetryTags.Outcome, outcome },
            { WebhookTelemetryTags.StatusCode, WebhookTelemetryTags.StatusCodeOf(result.StatusCode) },
        };
        if (result.Event is { } matched)
        {
            delivery.Add(WebhookTelemetryTags.EventMatch, WebhookTelemetryTags.Of(matched.Match));
        }

        if (result.RejectionReason != WebhookRejectionReason.None)
        {
            delivery.Add(WebhookTelemetryTags.RejectionReason, WebhookTelemetryTags.Of(result.RejectionReason));
        }

        if (result.Outcome == WebhookDispatchOutcome.Failed)
        {
            delivery.Add(WebhookTelemetryTags.ErrorType, result.Exception?.GetType().FullName ?? WebhookTelemetryTags.Other);
        }

        WebhookTelemetry.Deliveries.Add(1, delivery);
        WebhookTelemetry.DeliveryDuration.Record(
            result.Duration.TotalSeconds,
            new TagList
            {
                { WebhookTelemetryTags.Provider, provider },
                { WebhookTelemetryTags.Operation, operation },
                { WebhookTelemetryTags.EventType, eventType },
                { WebhookTelemetryTags.Outcome, outcome },
            });

        if (result.VerificationResult is { } verification)
        {
            WebhookTelemetry.VerificationFailures.Add(
                1,
                new Tag(WebhookTelemetryTags.Provider, provider),
                new Tag(WebhookTelemetryTags.VerificationReason, WebhookTelemetryTags.Of(verification.Reason)));
        }

        switch (result.Outcome)
        {
            case WebhookDispatchOutcome.Duplicate:
                WebhookTelemetry.Duplicates.Add(1, new Tag(WebhookTelemetryTags.Provider, provider), new Tag(WebhookTelemetryTags.EventType, eventType));
                break;
            case WebhookDispatchOutcome.InProgress:
                WebhookTelemetry.InProgressRefusals.Add(1, new Tag(WebhookTelemetryTags.Provider, provider), new Tag(WebhookTelemetryTags.EventType, eventType));
                break;
            case WebhookDispatchOutcome.Quarantined:
                WebhookTelemetry.QuarantinedDeliveries.Add(
                    1,
                    new TagList
                    {
                        { WebhookTelemetryTags.Provider, provider },
                        { WebhookTelemetryTags.Operation, operation },
                        { WebhookTelemetryTags.ParseErrorReason, result.ParseError is { } error ? WebhookTelemetryTags.Of(error.Reason) : WebhookTelemetryTags.Other },
                        { WebhookTelemetryTags.QuarantineStored, WebhookTelemetryTags.BooleanOf(result.QuarantineStored) },
                    });
                break;
        }
    }
}
