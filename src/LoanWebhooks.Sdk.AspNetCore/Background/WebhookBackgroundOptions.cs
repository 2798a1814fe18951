using System;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.AspNetCore.Background;

/// <summary>Settings of background processing (<c>b.ProcessInBackground(o => …)</c>).</summary>
public sealed class WebhookBackgroundOptions
{
    private int _queueCapacity = 1024;
    private int _maxConcurrency = Environment.ProcessorCount;

    /// <summary>
    /// Admitted deliveries that may wait for their handlers (default 1024). When it is full, a new delivery's request
    /// waits for room, which slows the provider down instead of growing memory without bound.
    /// </summary>
    public int QueueCapacity
    {
        get => _queueCapacity;
        set => _queueCapacity = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "QueueCapacity must be positive.");
    }

    /// <summary>
    /// Registers another <see cref="IWebhookInbox"/> (and its workers) instead of the in-process queue, e.g.
    /// <c>o.UseRedisStreams()</c> from LoanWebhooks.Sdk.Redis; <see langword="null"/> (default) for the in-process queue.
    /// </summary>
    /// <remarks>
    /// Called once, with the application's services, when <c>ProcessInBackground</c> runs; it must register an
    /// <see cref="IWebhookInbox"/> singleton. <see cref="QueueCapacity"/> and <see cref="MaxConcurrency"/> apply to the
    /// in-process queue only.
    /// </remarks>
    public Action<IServiceCollection>? InboxRegistration { get; set; }

    /// <summary>Deliveries whose handlers run at the same time (default: the processor count).</summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxConcurrency must be positive.");
    }
}
