using System;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Keeps ended <see cref="WebhookDeliveryScope"/>s for the next deliveries, so dispatching allocates none in the steady
/// state. Bounded: under more concurrent deliveries than slots, the extra holders are simply dropped.
/// </summary>
internal sealed class WebhookDeliveryScopePool
{
    private readonly IServiceScopeFactory _scopes;
    private readonly WebhookDeliveryScope?[] _slots = new WebhookDeliveryScope?[Math.Max(4, Environment.ProcessorCount * 2)];

    public WebhookDeliveryScopePool(IServiceScopeFactory scopes) => _scopes = scopes;

    public WebhookDeliveryScope Rent()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            WebhookDeliveryScope? item = Volatile.Read(ref _slots[i]);
            if (item is not null && ReferenceEquals(Interlocked.CompareExchange(ref _slots[i], null, item), item))
            {
                return item;
            }
        }

        return new WebhookDeliveryScope(_scopes);
    }

    /// <summary>Takes back a holder whose delivery has ended.</summary>
    public void Return(WebhookDeliveryScope scope)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is null && Interlocked.CompareExchange(ref _slots[i], scope, null) is null)
            {
                return;
            }
        }
    }
}
