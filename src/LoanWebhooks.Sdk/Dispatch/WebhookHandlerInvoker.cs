using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Calls <see cref="IWebhookHandler{TEvent}.HandleAsync"/> of one handler interface without reflection: one
/// instance per handled type, created when the handler is registered.
/// </summary>
internal abstract class WebhookHandlerInvoker
{
    private protected WebhookHandlerInvoker()
    {
    }

    /// <summary>The <c>TEvent</c> of the handler interface.</summary>
    public abstract Type EventType { get; }

    /// <summary>The invoker of <c>IWebhookHandler&lt;<paramref name="eventType"/>&gt;</c>.</summary>
    [RequiresDynamicCode("Creates WebhookHandlerInvoker<T> for a type known only at run time.")]
    public static WebhookHandlerInvoker Create(Type eventType) =>
        (WebhookHandlerInvoker)Activator.CreateInstance(typeof(WebhookHandlerInvoker<>).MakeGenericType(eventType))!;

    /// <summary>Calls the handler; <paramref name="handler"/> implements the interface and <paramref name="webhookEvent"/> is an instance of <see cref="EventType"/>.</summary>
    public abstract ValueTask InvokeAsync(object handler, WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken);
}
