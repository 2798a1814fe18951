using System;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>One handler call for an event type: resolve <see cref="HandlerType"/>, call it through <see cref="Invoker"/>.</summary>
internal sealed class WebhookRoute
{
    private readonly bool _isSingleton;
    private object? _singleton;

    /// <param name="handlerType">The handler class.</param>
    /// <param name="invoker">Calls the handler for the routed event type.</param>
    /// <param name="isSingleton">
    /// Registered as a singleton: resolved from the root provider once, so a delivery whose handlers are all singletons
    /// needs no DI scope.
    /// </param>
    public WebhookRoute(Type handlerType, WebhookHandlerInvoker invoker, bool isSingleton)
    {
        HandlerType = handlerType;
        Invoker = invoker;
        _isSingleton = isSingleton;
    }

    public Type HandlerType { get; }

    public WebhookHandlerInvoker Invoker { get; }

    /// <summary>The handler instance for one delivery: the singleton, or a new resolution from the delivery's scope.</summary>
    public object Resolve(IServiceProvider root, in WebhookHandlerContext context)
    {
        if (!_isSingleton)
        {
            return context.Services.GetRequiredService(HandlerType);
        }

        // A race resolves the same singleton twice, which is harmless.
        return _singleton ??= root.GetRequiredService(HandlerType);
    }
}
