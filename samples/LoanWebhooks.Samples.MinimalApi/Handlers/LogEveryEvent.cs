using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Samples.MinimalApi.Handlers;

/// <summary>Every event of every provider. ToString() prints *** for personal data, so the event is safe to log.</summary>
public sealed class LogEveryEvent(ILogger<LogEveryEvent> logger) : IWebhookHandler<WebhookEvent>
{
    public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Received {Type}: {Event}", webhookEvent.GetType().Name, webhookEvent);
        return ValueTask.CompletedTask;
    }
}
