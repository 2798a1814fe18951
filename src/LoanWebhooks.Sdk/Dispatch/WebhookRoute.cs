using System;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>One handler call for an event type: resolve <see cref="HandlerType"/>, call it through <see cref="Invoker"/>.</summary>
internal sealed record WebhookRoute(Type HandlerType, WebhookHandlerInvoker Invoker);
