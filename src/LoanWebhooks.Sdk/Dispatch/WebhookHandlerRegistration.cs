using System;
using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>A registered handler class and the handler interfaces it implements, in registration order.</summary>
internal sealed class WebhookHandlerRegistration
{
    public WebhookHandlerRegistration(Type handlerType, IReadOnlyList<WebhookHandlerInvoker> invokers)
    {
        HandlerType = handlerType;
        Invokers = invokers;
    }

    /// <summary>The class resolved from the delivery's DI scope.</summary>
    public Type HandlerType { get; }

    /// <summary>One per <c>IWebhookHandler&lt;T&gt;</c> the class implements.</summary>
    public IReadOnlyList<WebhookHandlerInvoker> Invokers { get; }
}
