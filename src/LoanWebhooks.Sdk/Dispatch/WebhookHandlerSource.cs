using System;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// Where one handler class comes from for a delivery, shared by all of its routes: a singleton is resolved once from
/// the root provider (so a delivery whose handlers are all singletons needs no DI scope); any other lifetime is
/// resolved from the delivery's scope.
/// </summary>
internal sealed class WebhookHandlerSource
{
    private readonly bool _isSingleton;
    private object? _singleton;

    public WebhookHandlerSource(Type handlerType, bool isSingleton)
    {
        HandlerType = handlerType;
        _isSingleton = isSingleton;
    }

    public Type HandlerType { get; }

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
