using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Runs a delivery through verify → parse → idempotency claim → handlers → complete (or release on failure),
/// and says which HTTP status to answer with. A verified body that does not parse is quarantined instead
/// (<see cref="WebhookDispatchOutcome.Quarantined"/>), never dropped. Registered by <c>services.AddLoanWebhooks(…)</c>; thread-safe.
/// </summary>
/// <remarks>
/// None of the methods throws because of what a delivery contains or what a handler does: every outcome,
/// handler exceptions included, is a <see cref="WebhookDispatchResult"/>.
/// </remarks>
public interface IWebhookDispatcher
{
    /// <summary>The configured providers; a delivery for any other is rejected with 404.</summary>
    IReadOnlyDictionary<WebhookProvider, WebhookProviderSettings> Providers { get; }

    /// <summary>Processes a delivery completely: verify, parse, claim, run the handlers, complete or release.</summary>
    /// <param name="delivery">What the endpoint received.</param>
    /// <param name="cancellationToken">Passed to the handlers; cancelled when the request is aborted.</param>
    /// <returns>The outcome and the status to answer with.</returns>
    ValueTask<WebhookDispatchResult> DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Verifies, parses and claims a delivery without running its handlers (for hosts that answer first and process later).</summary>
    /// <param name="delivery">What the endpoint received.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The admission; when <see cref="WebhookAdmission.IsAdmitted"/>, pass it to <see cref="ProcessAsync"/> or <see cref="AbandonAsync"/> exactly once.</returns>
    ValueTask<WebhookAdmission> AdmitAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Runs the handlers of an admitted delivery, then completes its claim, or releases it when a handler threw.</summary>
    /// <param name="admission">A result of <see cref="AdmitAsync"/>; one that is not admitted returns its result unchanged.</param>
    /// <param name="cancellationToken">Passed to the handlers.</param>
    /// <returns>The final outcome.</returns>
    /// <exception cref="System.InvalidOperationException">The admission was already processed or abandoned.</exception>
    ValueTask<WebhookDispatchResult> ProcessAsync(WebhookAdmission admission, CancellationToken cancellationToken = default);

    /// <summary>Releases the claim of an admitted delivery whose handlers will not run (e.g. a queue that shut down), so a redelivery is processed.</summary>
    /// <param name="admission">A result of <see cref="AdmitAsync"/>; does nothing when it is not admitted or already settled.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask AbandonAsync(WebhookAdmission admission, CancellationToken cancellationToken = default);
}
