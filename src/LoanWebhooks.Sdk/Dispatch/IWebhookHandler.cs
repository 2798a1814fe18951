using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Handles webhook events of type <typeparamref name="TEvent"/> and of every type derived from it. Register with
/// <c>services.AddLoanWebhooks(b => b.AddHandler&lt;THandler&gt;())</c>; a new instance is resolved from a DI
/// scope per delivery.
/// </summary>
/// <typeparam name="TEvent">
/// What to handle: one event (<c>PayitoffLoanPaidOffEvent</c>), a provider's events (<c>PayitoffEvent</c>), a
/// family (<c>ReceeveClaimEvent</c>), every event (<c>WebhookEvent</c>), or any interface events implement, such
/// as <c>IUnknownWebhookEvent</c> for event types this SDK version does not know.
/// </typeparam>
/// <remarks>
/// Handlers of one event run one after another in registration order; the first that throws stops the rest and
/// the delivery fails (status 500), so the provider redelivers and every handler runs again. Make handlers
/// idempotent, or key their side effects on <see cref="WebhookHandlerContext.IdempotencyKey"/>.
/// </remarks>
public interface IWebhookHandler<in TEvent>
    where TEvent : class
{
    /// <summary>Handles one event.</summary>
    /// <param name="webhookEvent">The verified, parsed event.</param>
    /// <param name="context">The delivery's provider, idempotency key, receipt time and DI scope.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted or the host shuts down.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask HandleAsync(TEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken);
}
