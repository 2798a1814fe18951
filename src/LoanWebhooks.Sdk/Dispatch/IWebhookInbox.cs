using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Where admitted deliveries wait for their handlers when the provider is answered first (background processing):
/// the in-process queue of <c>ProcessInBackground()</c>, or a durable one such as the Redis Streams inbox.
/// </summary>
/// <remarks>
/// The endpoint answers the provider with success only after <see cref="TryEnqueueAsync"/> returned true. Whoever takes
/// the admission out must pass it to <see cref="IWebhookDispatcher.ProcessAsync"/> (in the same process) or store it as
/// a <see cref="WebhookInboxEntry"/> and restore it in a worker.
/// </remarks>
public interface IWebhookInbox
{
    /// <summary>Stores an admitted delivery for its handlers to run later.</summary>
    /// <param name="admission">An admission whose <see cref="WebhookAdmission.IsAdmitted"/> is true.</param>
    /// <param name="cancellationToken">Cancelled when the provider hangs up.</param>
    /// <returns>
    /// True once the delivery is stored; false when it is not (the inbox is full, unavailable or shutting down). On
    /// false the caller gives the claim back (<see cref="IWebhookDispatcher.AbandonAsync"/>) and answers with the
    /// provider's <see cref="WebhookResponseStatuses.RetryLater"/>, so the provider redelivers: never a success for
    /// something that was not stored.
    /// </returns>
    ValueTask<bool> TryEnqueueAsync(WebhookAdmission admission, CancellationToken cancellationToken);
}
