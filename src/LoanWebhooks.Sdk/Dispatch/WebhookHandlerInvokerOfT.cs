using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>Calls <see cref="IWebhookHandler{TEvent}"/> with two casts.</summary>
/// <typeparam name="TEvent">The handled type.</typeparam>
internal sealed class WebhookHandlerInvoker<TEvent> : WebhookHandlerInvoker
    where TEvent : class
{
    /// <summary>The invoker of <see cref="IWebhookHandler{TEvent}"/>.</summary>
    public static WebhookHandlerInvoker<TEvent> Instance { get; } = new();

    /// <inheritdoc/>
    public override Type EventType => typeof(TEvent);

    /// <inheritdoc/>
    // Casting to the exact interface (not a variant one) calls the method the class declared for TEvent,
    // even when it also implements the interface for a base or derived type.
    public override ValueTask InvokeAsync(object handler, WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
        ((IWebhookHandler<TEvent>)handler).HandleAsync((TEvent)(object)webhookEvent, context, cancellationToken);
}
