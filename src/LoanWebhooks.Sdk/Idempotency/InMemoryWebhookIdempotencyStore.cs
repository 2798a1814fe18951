using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>
/// An <see cref="IWebhookIdempotencyStore"/> in this process's memory: bounded, with expiry, thread-safe.
/// Deduplicates redeliveries that reach the same process; use a shared store (e.g. Redis) when several
/// instances receive webhooks or when redeliveries must be recognised after a restart.
/// </summary>
public sealed class InMemoryWebhookIdempotencyStore : IWebhookIdempotencyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<WebhookIdempotencyKey, LinkedListNode<Entry>> _entries = new();

    // Least recently claimed or completed first: the order in which entries are evicted.
    private readonly LinkedList<Entry> _age = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxEntries;
    private readonly TimeSpan _completedRetention;
    private readonly TimeSpan _claimLease;
    private long _nextLeaseId;

    /// <summary>Creates a store from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">Limits; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for expiry; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InMemoryWebhookIdempotencyStore(InMemoryWebhookIdempotencyStoreOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new InMemoryWebhookIdempotencyStoreOptions();
        _maxEntries = options.MaxEntries;
        _completedRetention = options.CompletedRetention;
        _claimLease = options.ClaimLease;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The number of keys held, expired ones included until they are swept or evicted.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyKey.ThrowIfDefault(key);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            SweepExpired(now);

            if (_entries.TryGetValue(key, out LinkedListNode<Entry>? existing))
            {
                if (existing.Value.ExpiresAt > now)
                {
                    var status = existing.Value.LeaseId is null ? WebhookClaimStatus.AlreadyCompleted : WebhookClaimStatus.InProgress;
                    return ValueTask.FromResult(new WebhookIdempotencyClaim(key, status, leaseId: null));
                }

                Remove(existing);
            }

            while (_entries.Count >= _maxEntries)
            {
                Remove(_age.First!);
            }

            string leaseId = (++_nextLeaseId).ToString(CultureInfo.InvariantCulture);
            _entries.Add(key, _age.AddLast(new Entry(key, leaseId, now + _claimLease)));
            return ValueTask.FromResult(new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, leaseId));
        }
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyClaim.ThrowIfNotClaimed(claim);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            if (_entries.TryGetValue(claim.Key, out LinkedListNode<Entry>? node))
            {
                // Our lease expired and another delivery claimed the key: that claimant records the outcome.
                if (node.Value.LeaseId is not null && node.Value.LeaseId != claim.LeaseId && node.Value.ExpiresAt > now)
                {
                    return ValueTask.CompletedTask;
                }

                Remove(node);
            }
            else if (_entries.Count >= _maxEntries)
            {
                Remove(_age.First!);
            }

            // Also when the claim was evicted meanwhile: the handlers did run, so remember it.
            _entries.Add(claim.Key, _age.AddLast(new Entry(claim.Key, LeaseId: null, now + _completedRetention)));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyClaim.ThrowIfNotClaimed(claim);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            if (_entries.TryGetValue(claim.Key, out LinkedListNode<Entry>? node) && node.Value.LeaseId == claim.LeaseId)
            {
                Remove(node);
            }
        }

        return ValueTask.CompletedTask;
    }

    // Entries are ordered by last update, not by expiry, so this stops at the first live one; the rest go when evicted.
    private void SweepExpired(DateTimeOffset now)
    {
        while (_age.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _age.Remove(node);
    }

    /// <summary>A claimed (lease id set) or completed (no lease id) key.</summary>
    private sealed record Entry(WebhookIdempotencyKey Key, string? LeaseId, DateTimeOffset ExpiresAt);
}
