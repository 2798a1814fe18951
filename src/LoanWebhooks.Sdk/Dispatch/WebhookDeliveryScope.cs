using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// The DI scope of one delivery at a time: created when a handler first needs it, ended when the delivery's handlers
/// have finished, then the holder is reused for another delivery. The generation tells a context of an ended delivery
/// (a handler may keep one) from the current one, so such a context can never reach another delivery's scope.
/// </summary>
internal sealed class WebhookDeliveryScope
{
    private readonly IServiceScopeFactory _scopes;

    // Guards the generation and the scope together: a late reader must not install a scope into the next delivery.
    private readonly object _gate = new();
    private long _generation;
    private IServiceScope? _scope;

    public WebhookDeliveryScope(IServiceScopeFactory scopes) => _scopes = scopes;

    /// <summary>The current delivery's generation, to put in its context (read by the delivery that rented the holder, which alone ends it).</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>The scope of the delivery of <paramref name="generation"/>, created on first use.</summary>
    /// <exception cref="ObjectDisposedException">That delivery's handlers have finished.</exception>
    public IServiceProvider GetServices(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                throw new ObjectDisposedException(nameof(WebhookHandlerContext), "The delivery's DI scope ended when its handlers finished.");
            }

            return (_scope ??= _scopes.CreateScope()).ServiceProvider;
        }
    }

    /// <summary>Ends the current delivery: its contexts refuse <see cref="WebhookHandlerContext.Services"/> from now on, and its scope, if any, is disposed.</summary>
    public ValueTask EndAsync()
    {
        IServiceScope? scope;
        lock (_gate)
        {
            _generation++;
            scope = _scope;
            _scope = null;
        }

        if (scope is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        scope?.Dispose();
        return default;
    }
}
