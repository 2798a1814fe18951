using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Quarantine;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>A schema-drift handler that keeps what it is given (as an app would store it in a table), or throws when told to.</summary>
public sealed class RecordingDriftHandler(DriftedDeliveries received) : IWebhookSchemaDriftHandler
{
    public ValueTask HandleAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken)
    {
        if (received.Fail)
        {
            throw new InvalidOperationException("drift handler failed on purpose");
        }

        received.Add(webhook);
        return default;
    }
}

/// <summary>What the drift handler received.</summary>
public sealed class DriftedDeliveries
{
    private readonly ConcurrentQueue<QuarantinedWebhook> _webhooks = new();

    public IReadOnlyList<QuarantinedWebhook> All => _webhooks.ToList();

    /// <summary>While true, the drift handler throws instead of keeping the delivery.</summary>
    public bool Fail { get; set; }

    public void Add(QuarantinedWebhook webhook) => _webhooks.Enqueue(webhook);
}
