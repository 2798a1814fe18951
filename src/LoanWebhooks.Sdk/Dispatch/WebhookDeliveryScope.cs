using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// The DI scope of one delivery: created when a handler first needs it, ended when the delivery's handlers have
/// finished. The generation tells a context of the ended delivery (a handler may keep one) from a live one, so such a
/// context can never reach a scope created after the end.
/// </summary>
/// <remarks>
/// Ending is the hot path (every delivery) and takes no lock: one interlocked increment, then a read of the scope.
/// Getting the scope is rare and locked, and a reader that installs a scope re-reads the generation after doing so;
/// with full fences on both sides, either the ending sees the new scope and disposes it, or the reader sees the new
/// generation and takes its scope back. Either way no scope outlives the delivery.
/// </remarks>
internal sealed class WebhookDeliveryScope
{
    private readonly object _gate = new();
    private long _generation;
    private IServiceScope? _scope;

    public WebhookDeliveryScope(IServiceScopeFactory scopes) => Scopes = scopes;

    /// <summary>The container this holder creates scopes in.</summary>
    public IServiceScopeFactory Scopes { get; }

    /// <summary>The current delivery's generation, to put in its context (read by the delivery that created the holder, which alone ends it).</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>The scope of the delivery of <paramref name="generation"/>, created on first use.</summary>
    /// <exception cref="ObjectDisposedException">That delivery's handlers have finished.</exception>
    public IServiceProvider GetServices(long generation)
    {
        lock (_gate)
        {
            if (generation != Interlocked.Read(ref _generation))
            {
                throw Ended();
            }

            if (Volatile.Read(ref _scope) is { } existing)
            {
                return existing.ServiceProvider;
            }

            IServiceScope created = Scopes.CreateScope();
            Interlocked.Exchange(ref _scope, created);
            if (generation != Interlocked.Read(ref _generation))
            {
                // The delivery ended meanwhile without seeing this scope: take it back unless the ending did.
                if (ReferenceEquals(Interlocked.CompareExchange(ref _scope, null, created), created))
                {
                    created.Dispose();
                }

                throw Ended();
            }

            return created.ServiceProvider;
        }
    }

    /// <summary>Ends the current delivery: its contexts refuse <see cref="WebhookHandlerContext.Services"/> from now on, and its scope, if any, is disposed.</summary>
    public ValueTask EndAsync()
    {
        Interlocked.Increment(ref _generation);
        IServiceScope? scope = Volatile.Read(ref _scope) is null ? null : Interlocked.Exchange(ref _scope, null);
        if (scope is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        scope?.Dispose();
        return default;
    }

    private static ObjectDisposedException Ended() =>
        new(nameof(WebhookHandlerContext), "The delivery's DI scope ended when its handlers finished.");
}
