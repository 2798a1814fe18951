using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Spinwheel;

namespace LoanWebhooks.Samples.Mvc;

/// <summary>One handler class for several event types; ToString() masks personal data, so events are safe to log.</summary>
public sealed class LogTypedEvents(ILogger<LogTypedEvents> logger) : IWebhookHandler<PayitoffEvent>, IWebhookHandler<SpinwheelUserLiabilitiesConnectedEvent>
{
    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Payitoff {Type}: {Event}", webhookEvent.GetType().Name, webhookEvent);
        return ValueTask.CompletedTask;
    }

    public ValueTask HandleAsync(SpinwheelUserLiabilitiesConnectedEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Spinwheel user {User} connected their liabilities", webhookEvent.UserId);
        return ValueTask.CompletedTask;
    }
}
