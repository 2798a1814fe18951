using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>What a handler knows about the delivery besides the event itself.</summary>
public sealed class WebhookHandlerContext
{
    private static readonly IServiceScope Ended = new EndedScope();

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly long _startTimestamp;
    private long _receivedAtUtcTicks;
    private IServiceScope? _scope;

    // receivedAt is known for an admission; otherwise ReceivedAt works it out from startTimestamp on first read.
    internal WebhookHandlerContext(
        WebhookEvent webhookEvent,
        WebhookIdempotencyKey idempotencyKey,
        IServiceScopeFactory scopes,
        TimeProvider time,
        long startTimestamp,
        DateTimeOffset? receivedAt)
    {
        Event = webhookEvent;
        IdempotencyKey = idempotencyKey;
        _scopes = scopes;
        _time = time;
        _startTimestamp = startTimestamp;
        _receivedAtUtcTicks = receivedAt?.UtcTicks ?? 0;
    }

    /// <summary>The event being handled, as its base type (useful in handlers of an interface such as <c>IUnknownWebhookEvent</c>).</summary>
    public WebhookEvent Event { get; }

    /// <summary>The provider that sent the event.</summary>
    public WebhookProvider Provider => Event.Provider;

    /// <summary>Identifies the delivery across redeliveries; key your side effects on it to make them idempotent.</summary>
    public WebhookIdempotencyKey IdempotencyKey { get; }

    /// <summary>When the dispatcher received the delivery (UTC).</summary>
    public DateTimeOffset ReceivedAt
    {
        get
        {
            // Most handlers never ask, so the wall clock is read on demand, and the answer then kept stable.
            long ticks = Volatile.Read(ref _receivedAtUtcTicks);
            if (ticks == 0)
            {
                long computed = (_time.GetUtcNow() - _time.GetElapsedTime(_startTimestamp)).UtcTicks;
                long earlier = Interlocked.CompareExchange(ref _receivedAtUtcTicks, computed, 0);
                ticks = earlier != 0 ? earlier : computed;
            }

            return new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// The delivery's DI scope, shared by all its handlers (scoped handlers are resolved from it). It is created on
    /// first use, so deliveries whose handlers are all singletons and never ask for it do not pay for one, and it is
    /// disposed when the delivery's handlers have finished.
    /// </summary>
    /// <exception cref="ObjectDisposedException">Read after the delivery's handlers finished.</exception>
    public IServiceProvider Services
    {
        get
        {
            IServiceScope? scope = Volatile.Read(ref _scope);
            if (scope is null)
            {
                // Handlers may fan out; only one scope may win, and the loser must not leak.
                IServiceScope created = _scopes.CreateScope();
                scope = Interlocked.CompareExchange(ref _scope, created, null);
                if (scope is null)
                {
                    return created.ServiceProvider;
                }

                created.Dispose();
            }

            return ReferenceEquals(scope, Ended)
                ? throw new ObjectDisposedException(nameof(WebhookHandlerContext), "The delivery's DI scope ended when its handlers finished.")
                : scope.ServiceProvider;
        }
    }

    /// <summary>Ends the scope, if one was created; later reads of <see cref="Services"/> throw.</summary>
    internal ValueTask EndScopeAsync()
    {
        IServiceScope? scope = Interlocked.Exchange(ref _scope, Ended);
        if (scope is null || ReferenceEquals(scope, Ended))
        {
            return default;
        }

        if (scope is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        scope.Dispose();
        return default;
    }

    /// <summary>Marks a context whose scope was disposed.</summary>
    private sealed class EndedScope : IServiceScope
    {
        public IServiceProvider ServiceProvider => throw new ObjectDisposedException(nameof(WebhookHandlerContext));

        public void Dispose()
        {
        }
    }
}
