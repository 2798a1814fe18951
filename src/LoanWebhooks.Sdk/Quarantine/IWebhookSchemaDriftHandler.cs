using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>
/// Receives every verified delivery that does not fit its event's schema, with its exact bytes, the event type it
/// named and why it failed to parse. Register with <c>b.AddSchemaDriftHandler&lt;THandler&gt;()</c>; resolved from a
/// DI scope per delivery (scoped unless you registered it yourself).
/// </summary>
/// <remarks>
/// When every registered drift handler completes, the delivery counts as kept and the provider is answered with
/// success under <see cref="Dispatch.WebhookSchemaDriftPolicy.Quarantine"/>: store it somewhere durable (a table, a
/// queue) before returning. A handler that throws makes the dispatcher answer a status the provider retries, unless
/// a durable quarantine store kept the delivery.
/// </remarks>
public interface IWebhookSchemaDriftHandler
{
    /// <summary>Handles one drifted delivery.</summary>
    /// <param name="webhook">The delivery; its <see cref="QuarantinedWebhook.Body"/> is the verified body as received.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the delivery is dealt with.</returns>
    ValueTask HandleAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken);
}
