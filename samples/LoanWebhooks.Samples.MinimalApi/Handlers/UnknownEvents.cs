using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Samples.MinimalApi.Handlers;

/// <summary>Event types this SDK version does not know yet: accepted, with the whole payload kept.</summary>
public sealed class UnknownEvents(ILogger<UnknownEvents> logger) : IWebhookHandler<IUnknownWebhookEvent>
{
    public ValueTask HandleAsync(IUnknownWebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogWarning("Unknown {Provider} event '{EventType}'", context.Provider, context.Event.EventType);
        return ValueTask.CompletedTask;
    }
}
