using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>The <see cref="IWebhookQuarantine"/> that <c>AddLoanWebhooks</c> registers.</summary>
internal sealed class WebhookQuarantine : IWebhookQuarantine
{
    private readonly WebhookDispatcher _dispatcher;

    public WebhookQuarantine(WebhookDispatcher dispatcher, IWebhookQuarantineStore store)
    {
        _dispatcher = dispatcher;
        Store = store;
    }

    public IWebhookQuarantineStore Store { get; }

    public async ValueTask<WebhookDispatchResult?> ReplayAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        QuarantinedWebhook? entry = await Store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return entry is null ? null : await ReplayAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<WebhookQuarantineReplayReport> ReplayAllAsync(int maxCount = 1_000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var results = new List<WebhookDispatchResult>();
        foreach (QuarantinedWebhook entry in await Store.ListAsync(maxCount, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await ReplayAsync(entry, cancellationToken).ConfigureAwait(false));
        }

        return new WebhookQuarantineReplayReport(results);
    }

    private async ValueTask<WebhookDispatchResult> ReplayAsync(QuarantinedWebhook entry, CancellationToken cancellationToken)
    {
        WebhookDispatchResult result = await _dispatcher.ReplayAsync(entry, cancellationToken).ConfigureAwait(false);
        if (result.Outcome is WebhookDispatchOutcome.Accepted or WebhookDispatchOutcome.Duplicate)
        {
            // Processed: its handlers ran (now or before), so the idempotency store answers any later replay as a duplicate.
            await Store.RemoveAsync(entry.Id, CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }
}
