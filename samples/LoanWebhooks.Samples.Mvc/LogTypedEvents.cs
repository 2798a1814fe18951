using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Canopy;

namespace LoanWebhooks.Samples.Mvc;

/// <summary>One handler class for several event types; ToString() masks personal data, so events are safe to log.</summary>
public sealed class LogTypedEvents(ILogger<LogTypedEvents> logger) : IWebhookHandler<PayitoffEvent>, IWebhookHandler<CanopyPaymentEvent>
{
    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Payitoff {Type}: {Event}", webhookEvent.GetType().Name, webhookEvent);
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(CanopyPaymentEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Canopy payment event {EventType}: {Event}", webhookEvent.EventType, webhookEvent);
        return ValueTask.CompletedTask;
    }
}
