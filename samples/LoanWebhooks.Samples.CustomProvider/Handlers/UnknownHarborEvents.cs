using LoanWebhooks.Samples.CustomProvider.Harbor;
using LoanWebhooks.Sdk.Dispatch;

namespace LoanWebhooks.Samples.CustomProvider.Handlers;

/// <summary>Keeps note of event types Harbor added after these schemas were written; the whole body is on the event.</summary>
public sealed class UnknownHarborEvents(LoanBook book) : IWebhookHandler<HarborUnknownEvent>
{
    public ValueTask HandleAsync(HarborUnknownEvent unknown, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        book.UnknownEventTypes.Enqueue(unknown.EventType);
        return ValueTask.CompletedTask;
    }
}
