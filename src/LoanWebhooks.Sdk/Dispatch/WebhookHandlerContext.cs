using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>What a handler knows about the delivery besides the event itself.</summary>
public sealed class WebhookHandlerContext
{
    internal WebhookHandlerContext(WebhookEvent webhookEvent, WebhookIdempotencyKey idempotencyKey, DateTimeOffset receivedAt, IServiceProvider services)
    {
        Event = webhookEvent;
        IdempotencyKey = idempotencyKey;
        ReceivedAt = receivedAt;
        Services = services;
    }

    /// <summary>The event being handled, as its base type (useful in handlers of an interface such as <c>IUnknownWebhookEvent</c>).</summary>
    public WebhookEvent Event { get; }

    /// <summary>The provider that sent the event.</summary>
    public WebhookProvider Provider => Event.Provider;

    /// <summary>Identifies the delivery across redeliveries; key your side effects on it to make them idempotent.</summary>
    public WebhookIdempotencyKey IdempotencyKey { get; }

    /// <summary>When the dispatcher received the delivery.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The delivery's DI scope, shared by all its handlers.</summary>
    public IServiceProvider Services { get; }
}
