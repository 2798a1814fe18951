using LoanWebhooks.Samples.CustomProvider.Harbor;
using LoanWebhooks.Sdk.Dispatch;

namespace LoanWebhooks.Samples.CustomProvider.Handlers;

/// <summary>Books a funded loan; runs once per delivery id (the idempotency store answers redeliveries).</summary>
public sealed class LoanFunded(LoanBook book) : IWebhookHandler<HarborLoanFundedEvent>
{
    public ValueTask HandleAsync(HarborLoanFundedEvent funded, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        book.Funded.Enqueue((funded.Data.LoanId, funded.Data.Principal));
        return ValueTask.CompletedTask;
    }
}
