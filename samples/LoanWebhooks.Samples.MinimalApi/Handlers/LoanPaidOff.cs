using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Payitoff;

namespace LoanWebhooks.Samples.MinimalApi.Handlers;

/// <summary>One event type, fully typed.</summary>
public sealed class LoanPaidOff(ILogger<LoanPaidOff> logger) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        logger.LogInformation("Borrower {Borrower} paid off a loan ({Key})", webhookEvent.Data.Borrower.Uuid, context.IdempotencyKey);
        return ValueTask.CompletedTask;
    }
}
