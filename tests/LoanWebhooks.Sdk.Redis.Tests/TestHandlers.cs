using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>What the handlers of every instance did; shared between instances like the database they would write to.</summary>
public sealed class HandlerRuns
{
    private int _started;
    private int _succeeded;

    /// <summary>How long a handler takes, so that concurrent deliveries overlap.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>While true, handlers throw after they start.</summary>
    public bool Fail { get; set; }

    public int Started => Volatile.Read(ref _started);

    public int Succeeded => Volatile.Read(ref _succeeded);

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _started);
        await Task.Delay(Duration, cancellationToken);
        if (Fail)
        {
            throw new InvalidOperationException("handler broke");
        }

        Interlocked.Increment(ref _succeeded);
    }
}

public sealed class RecordingHandler(HandlerRuns runs) : IWebhookHandler<WebhookEvent>
{
    public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
        runs.RunAsync(cancellationToken);
}

/// <summary>A handler for one typed event, as an app's would be, reporting into the shared runs.</summary>
public sealed class LiabilitiesConnectedHandler(HandlerRuns runs) : IWebhookHandler<Spinwheel.SpinwheelUserLiabilitiesConnectedEvent>
{
    public ValueTask HandleAsync(Spinwheel.SpinwheelUserLiabilitiesConnectedEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
        runs.RunAsync(cancellationToken);
}
