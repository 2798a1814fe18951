using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Payitoff;

namespace LoanWebhooks.Samples.MinimalApi.Handlers;

/// <summary>A whole family: connectivity.online, .offline, .interrupted and .restored.</summary>
public sealed class ConnectivityChanged(ILogger<ConnectivityChanged> logger) : IWebhookHandler<PayitoffConnectivityEvent>
{
    public ValueTask HandleAsync(PayitoffConnectivityEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Servicer connectivity changed: {EventType}", webhookEvent.EventType);
        return ValueTask.CompletedTask;
    }
}
