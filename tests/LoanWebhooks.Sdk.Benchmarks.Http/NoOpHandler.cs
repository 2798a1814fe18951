using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;

namespace LoanWebhooks.Sdk.Benchmarks.Http;

/// <summary>The one handler, a singleton: counts deliveries (so run.sh can check every request ran it) and does nothing else.</summary>
internal sealed class NoOpHandler : IWebhookHandler<PayitoffEvent>, IWebhookHandler<CanopyEvent>, IWebhookHandler<SpinwheelEvent>, IWebhookHandler<ReceeveEvent>
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public ValueTask HandleAsync(PayitoffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => Handled();

    public ValueTask HandleAsync(CanopyEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => Handled();

    public ValueTask HandleAsync(SpinwheelEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => Handled();

    public ValueTask HandleAsync(ReceeveEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => Handled();

    private ValueTask Handled()
    {
        Interlocked.Increment(ref _count);
        return default;
    }
}
