using System;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Keeps an ended <see cref="WebhookDeliveryScope"/> per thread for the next delivery on that thread, so dispatching
/// allocates none in the steady state, without the interlocked operations a shared pool would cost on every delivery.
/// </summary>
internal sealed class WebhookDeliveryScopePool
{
    [ThreadStatic]
    private static WebhookDeliveryScope? t_spare;

    private readonly IServiceScopeFactory _scopes;

    public WebhookDeliveryScopePool(IServiceScopeFactory scopes) => _scopes = scopes;

    public WebhookDeliveryScope Rent()
    {
        WebhookDeliveryScope? spare = t_spare;
        if (spare is not null && ReferenceEquals(spare.Scopes, _scopes))
        {
            t_spare = null;
            return spare;
        }

        return new WebhookDeliveryScope(_scopes);
    }

    /// <summary>Takes back a holder whose delivery has ended.</summary>
    public static void Return(WebhookDeliveryScope scope) => t_spare = scope;
}
