using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Dispatch;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>What <see cref="IWebhookQuarantine.ReplayAllAsync"/> did with each entry it replayed.</summary>
public sealed class WebhookQuarantineReplayReport
{
    internal WebhookQuarantineReplayReport(IReadOnlyList<WebhookDispatchResult> results) => Results = results;

    /// <summary>One result per replayed entry, oldest entry first.</summary>
    public IReadOnlyList<WebhookDispatchResult> Results { get; }

    /// <summary>Entries that were processed (or found processed already) and removed from the quarantine.</summary>
    public int Processed => Results.Count(r => r.Outcome is WebhookDispatchOutcome.Accepted or WebhookDispatchOutcome.Duplicate);

    /// <summary>Entries that still do not fit their schema and stay.</summary>
    public int StillQuarantined => Results.Count(r => r.Outcome == WebhookDispatchOutcome.Quarantined);

    /// <summary>Entries whose handlers failed, or that are in progress elsewhere, or whose provider is not configured; they stay.</summary>
    public int NotProcessed => Results.Count - Processed - StillQuarantined;

    /// <inheritdoc/>
    public override string ToString() => $"{Results.Count} replayed: {Processed} processed, {StillQuarantined} still quarantined, {NotProcessed} not processed";
}
