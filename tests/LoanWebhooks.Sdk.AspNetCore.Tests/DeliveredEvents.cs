using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>Every event the test app's handler received, in order; tests can wait for a number of them.</summary>
public sealed class DeliveredEvents
{
    private readonly ConcurrentQueue<WebhookEvent> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public IReadOnlyList<WebhookEvent> All => _events.ToList();

    public void Add(WebhookEvent webhookEvent)
    {
        _events.Enqueue(webhookEvent);
        _arrived.Release();
    }

    public int Count(WebhookProvider provider, string eventType) =>
        _events.Count(e => e.Provider == provider && e.EventType == eventType);

    /// <summary>Waits until <paramref name="count"/> more events have arrived than had been taken by earlier waits.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        for (int i = 0; i < count; i++)
        {
            if (!await _arrived.WaitAsync(timeout))
            {
                throw new TimeoutException($"Only {i} of {count} events arrived within {timeout}.");
            }
        }
    }
}

/// <summary>Records every event; optionally waits, holds at a gate or throws, as a test sets it up.</summary>
public sealed class RecordingHandler(DeliveredEvents delivered, HandlerBehaviour behaviour) : IWebhookHandler<WebhookEvent>
{
    public async ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        behaviour.Entered.Release();
        if (behaviour.Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (behaviour.Delay > TimeSpan.Zero)
        {
            await Task.Delay(behaviour.Delay, cancellationToken);
        }

        if (behaviour.Fail)
        {
            throw new InvalidOperationException("handler failed on purpose");
        }

        delivered.Add(webhookEvent);
    }
}

public sealed class HandlerBehaviour
{
    public bool Fail { get; set; }

    /// <summary>While set, a handler waits for it after it entered: a test holds a delivery in progress with it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Released once each time a handler starts.</summary>
    public SemaphoreSlim Entered { get; } = new(0);

    public TimeSpan Delay { get; set; }
}
