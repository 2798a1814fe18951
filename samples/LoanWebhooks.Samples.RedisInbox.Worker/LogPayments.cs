using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Samples.RedisInbox.Worker;

/// <summary>Stands in for the application's work. Runs from the inbox, so it may run again after a crash: keep it idempotent.</summary>
public sealed partial class LogPayments(ILogger<LogPayments> logger) : IWebhookHandler<WebhookEvent>
{
    public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        Handled(logger, webhookEvent.Provider.ToString(), context.ReceivedAt);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "Handled a {Provider} event received at {ReceivedAt}.")]
    private static partial void Handled(ILogger logger, string provider, DateTimeOffset receivedAt);
}
