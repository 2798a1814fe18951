using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>
/// Keeps verified deliveries that did not fit their schema until they are replayed or removed.
/// </summary>
/// <remarks>
/// The dispatcher answers a provider with success for a quarantined delivery only when the store is
/// <see cref="IsDurable"/> (or a schema-drift handler of the app's ran to completion); with a store that a process
/// restart empties, it answers a status the provider retries, so the provider keeps its copy.
/// Implementations must be safe to call concurrently (and from several processes, for a shared store).
/// </remarks>
public interface IWebhookQuarantineStore
{
    /// <summary>True when an entry survives a restart of this process (e.g. Redis); false for memory.</summary>
    bool IsDurable { get; }

    /// <summary>
    /// Stores an entry. An entry with the same <see cref="QuarantinedWebhook.Id"/> is not stored twice: its
    /// receipts add up and its last receipt time moves on.
    /// </summary>
    /// <param name="webhook">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the entry is stored; it faults when it could not be (the dispatcher then answers a retryable status).</returns>
    ValueTask AddAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken = default);

    /// <summary>The oldest entries first (by first receipt), at most <paramref name="maxCount"/>.</summary>
    /// <param name="maxCount">How many to return at most.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<QuarantinedWebhook>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default);

    /// <summary>One entry, or null when there is none with that id.</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry or null.</returns>
    ValueTask<QuarantinedWebhook?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes an entry (after a successful replay, or when you have dealt with it).</summary>
    /// <param name="id">The entry's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when there was such an entry.</returns>
    ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>How many entries there are.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    ValueTask<long> CountAsync(CancellationToken cancellationToken = default);
}
