using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>
/// The quarantined deliveries and their replay: after upgrading the SDK (or a schema), replaying a delivery runs it
/// through parse → claim → typed handlers → complete, with idempotency as usual, and removes it from the quarantine
/// once it is processed. Registered by <c>AddLoanWebhooks</c>.
/// </summary>
public interface IWebhookQuarantine
{
    /// <summary>The store the dispatcher quarantines into (to list, inspect or remove entries).</summary>
    IWebhookQuarantineStore Store { get; }

    /// <summary>Replays one entry.</summary>
    /// <param name="id">The entry's <see cref="QuarantinedWebhook.Id"/>.</param>
    /// <param name="cancellationToken">Passed to the handlers.</param>
    /// <returns>
    /// Null when there is no such entry; otherwise the dispatch result: accepted or duplicate (the entry is removed),
    /// <see cref="WebhookDispatchOutcome.Quarantined"/> when it still does not fit (the entry stays), or failed (the
    /// entry stays, to be replayed again).
    /// </returns>
    /// <exception cref="System.Exception">Whatever the quarantine store throws when it cannot be read or written.</exception>
    ValueTask<WebhookDispatchResult?> ReplayAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replays the oldest entries, one after another.</summary>
    /// <param name="maxCount">How many entries to replay at most.</param>
    /// <param name="cancellationToken">Stops before the next entry; passed to the handlers.</param>
    /// <returns>What became of each.</returns>
    /// <exception cref="System.Exception">Whatever the quarantine store throws when it cannot be read or written.</exception>
    ValueTask<WebhookQuarantineReplayReport> ReplayAllAsync(int maxCount = 1_000, CancellationToken cancellationToken = default);
}
