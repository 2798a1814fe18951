using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>Whether <see cref="FlakyHandler"/> throws, and how often it ran.</summary>
public sealed class FlakySwitch
{
    private int _runs;

    public volatile bool Fail = true;

    public int Runs => Volatile.Read(ref _runs);

    /// <summary>When each run began (<see cref="System.Diagnostics.Stopwatch"/> timestamps), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<long> RunStarts { get; } = new();

    public void Ran()
    {
        RunStarts.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _runs);
    }
}

/// <summary>Throws while switched on, with the webhook id in its message, as careless handler code does.</summary>
public sealed class FlakyHandler(FlakySwitch flaky) : IWebhookHandler<WebhookEvent>
{
    public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        flaky.Ran();
        return flaky.Fail
            ? throw new InvalidOperationException("could not book payment for " + context.IdempotencyKey.Value)
            : ValueTask.CompletedTask;
    }
}
