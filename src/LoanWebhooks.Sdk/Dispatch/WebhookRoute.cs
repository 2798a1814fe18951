using System;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>One handler call for an event type: resolve the handler from <see cref="Source"/>, call it through <see cref="Invoker"/>.</summary>
/// <param name="Source">The handler class and how to resolve it, shared by all of that class's routes.</param>
/// <param name="Invoker">Calls the handler for the routed event type.</param>
internal sealed record WebhookRoute(WebhookHandlerSource Source, WebhookHandlerInvoker Invoker)
{
    public Type HandlerType => Source.HandlerType;
}
