using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>What a handler knows about the delivery besides the event itself.</summary>
/// <remarks>
/// A value type, so dispatching costs no allocation for it; a handler may keep a copy, but its
/// <see cref="Services"/> end with the delivery. <c>default(WebhookHandlerContext)</c> is not a context.
/// </remarks>
public readonly struct WebhookHandlerContext
{
    private readonly WebhookDeliveryScope? _scope;
    private readonly long _generation;

    internal WebhookHandlerContext(WebhookEvent webhookEvent, WebhookIdempotencyKey idempotencyKey, DateTimeOffset receivedAt, WebhookDeliveryScope scope)
    {
        Event = webhookEvent;
        IdempotencyKey = idempotencyKey;
        ReceivedAt = receivedAt;
        _scope = scope;
        _generation = scope.Generation;
    }

    /// <summary>The event being handled, as its base type (useful in handlers of an interface such as <c>IUnknownWebhookEvent</c>).</summary>
    public WebhookEvent Event { get; }

    /// <summary>The provider that sent the event.</summary>
    public WebhookProvider Provider => Event.Provider;

    /// <summary>Identifies the delivery across redeliveries; key your side effects on it to make them idempotent.</summary>
    public WebhookIdempotencyKey IdempotencyKey { get; }

    /// <summary>When the dispatcher received the delivery (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>
    /// The delivery's DI scope, shared by all its handlers (scoped handlers are resolved from it). It is created on
    /// first use, so deliveries whose handlers are all singletons and never ask for it do not pay for one, and it is
    /// disposed when the delivery's handlers have finished.
    /// </summary>
    /// <exception cref="ObjectDisposedException">Read after the delivery's handlers finished.</exception>
    /// <exception cref="InvalidOperationException">The context is <c>default</c>.</exception>
    public IServiceProvider Services =>
        _scope?.GetServices(_generation) ?? throw new InvalidOperationException("default(WebhookHandlerContext) belongs to no delivery.");
}
