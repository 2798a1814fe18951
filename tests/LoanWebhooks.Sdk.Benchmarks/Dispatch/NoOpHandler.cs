using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;

namespace LoanWebhooks.Sdk.Benchmarks.Dispatch;

/// <summary>The one handler the dispatch benchmarks run: it does nothing, so what is measured is the dispatcher.</summary>
/// <typeparam name="TEvent">The fixture's event type.</typeparam>
public sealed class NoOpHandler<TEvent> : IWebhookHandler<TEvent>
    where TEvent : class
{
    public ValueTask HandleAsync(TEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => default;
}
