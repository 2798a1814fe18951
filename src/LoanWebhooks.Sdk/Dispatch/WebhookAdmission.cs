using System;
using System.Diagnostics;
using System.Threading;
using LoanWebhooks.Sdk.Diagnostics;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// A delivery after verification, parsing and the idempotency claim, before its handlers run. Returned by
/// <see cref="IWebhookDispatcher.AdmitAsync"/> for hosts that answer the provider first and run handlers later.
/// </summary>
public sealed class WebhookAdmission
{
    private int _settled;

    private WebhookAdmission(WebhookDelivery delivery, WebhookDispatchResult result, WebhookIdempotencyClaim? claim, DateTimeOffset receivedAt, long startTimestamp)
    {
        Delivery = delivery;
        Result = result;
        Claim = claim;
        ReceivedAt = receivedAt;
        StartTimestamp = startTimestamp;
    }

    /// <summary>
    /// True when the delivery is verified, parsed and claimed: its handlers must now run through
    /// <see cref="IWebhookDispatcher.ProcessAsync"/> (or the claim be given back with <see cref="IWebhookDispatcher.AbandonAsync"/>).
    /// </summary>
    public bool IsAdmitted => Claim.HasValue;

    /// <summary>
    /// When not admitted, the final result (rejected, duplicate, in progress, quarantined, failed). When admitted, an accepted
    /// result with status 202 and <see cref="WebhookDispatchResult.HandlersDeferred"/> set, to answer the provider with now.
    /// </summary>
    public WebhookDispatchResult Result { get; }

    /// <summary>The parsed event, when there is one.</summary>
    public WebhookEvent? Event => Result.Event;

    /// <summary>The delivery.</summary>
    public WebhookDelivery Delivery { get; }

    /// <summary>When the dispatcher received the delivery.</summary>
    public DateTimeOffset ReceivedAt { get; }

    internal WebhookIdempotencyClaim? Claim { get; }

    internal long StartTimestamp { get; }

    /// <summary>The activity the delivery was admitted in, when traced: the background processing links to it.</summary>
    internal ActivityContext AdmittedIn { get; private init; }

    /// <inheritdoc/>
    public override string ToString() => IsAdmitted ? "Admitted " + Result : Result.ToString();

    internal static WebhookAdmission Admitted(WebhookDelivery delivery, WebhookDispatchResult deferred, WebhookIdempotencyClaim claim, DateTimeOffset receivedAt, long startTimestamp) =>
        new(delivery, deferred, claim, receivedAt, startTimestamp) { AdmittedIn = WebhookDeliveryTelemetry.CurrentContext() };

    internal static WebhookAdmission Settled(WebhookDelivery delivery, WebhookDispatchResult result, DateTimeOffset receivedAt, long startTimestamp) =>
        new(delivery, result, claim: null, receivedAt, startTimestamp) { _settled = 1 };

    /// <summary>Marks the admission processed or abandoned; false when it already was.</summary>
    internal bool TrySettle() => Interlocked.Exchange(ref _settled, 1) == 0;
}
