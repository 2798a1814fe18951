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
/// <remarks>
/// At <see cref="InMemoryWebhookIdempotencyStoreOptions.MaxEntries"/> a new claim first drops expired entries, then
/// forgets the oldest completed delivery. A live claim is never forgotten, because its key could then be claimed a
/// second time while the first delivery's handlers still run: when every entry is a live claim, a new claim throws
/// <see cref="WebhookIdempotencyStoreFullException"/>, which the dispatcher answers with a status the provider retries.
/// </remarks>
public sealed class InMemoryWebhookIdempotencyStore : IWebhookIdempotencyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<WebhookIdempotencyKey, LinkedListNode<Entry>> _entries = new();

    // One list per kind, each in the order its entries were added. Every claim gets the same lease and every completed
    // entry the same retention, so while the clock moves forward each list is also in expiry order: the expired entries
    // are at its front, and the sweep stops at the first live one.
    private readonly LinkedList<Entry> _claims = new();
    private readonly LinkedList<Entry> _completed = new();
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

    /// <summary>The number of keys held, expired ones included until they are swept.</summary>
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
    /// <exception cref="WebhookIdempotencyStoreFullException">The store is full of live claims.</exception>
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

                // Expired but not swept: only when the wall clock stepped back and the lists are out of expiry order.
                Remove(existing);
            }

            MakeRoom();
            // Stryker disable once Update : equivalent. Counting down gives lease ids just as unique, which is all they need to be.
            string leaseId = (++_nextLeaseId).ToString(CultureInfo.InvariantCulture);
            _entries.Add(key, _claims.AddLast(new Entry(key, leaseId, now + _claimLease)));
            return ValueTask.FromResult(new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, leaseId));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="WebhookIdempotencyStoreFullException">
    /// The claim expired and was dropped meanwhile, and the store is full of live claims, so the completion could not be recorded.
    /// </exception>
    public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyClaim.ThrowIfNotClaimed(claim);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            SweepExpired(now);

            if (_entries.TryGetValue(claim.Key, out LinkedListNode<Entry>? node))
            {
                // Our lease expired and another delivery claimed the key: that claimant records the outcome.
                if (node.Value.LeaseId is not null && node.Value.LeaseId != claim.LeaseId && node.Value.ExpiresAt > now)
                {
                    return ValueTask.CompletedTask;
                }

                // Our own claim, or a key already completed: remember it from now on, moving the node rather than allocating one.
                node.List!.Remove(node);
                node.Value.Complete(now + _completedRetention);
                _completed.AddLast(node);
                return ValueTask.CompletedTask;
            }

            // The claim expired and was swept meanwhile; the handlers did run, so remember it.
            MakeRoom();
            _entries.Add(claim.Key, _completed.AddLast(new Entry(claim.Key, leaseId: null, now + _completedRetention)));
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

    private void SweepExpired(DateTimeOffset now)
    {
        SweepExpired(_claims, now);
        SweepExpired(_completed, now);
    }

    private void SweepExpired(LinkedList<Entry> entries, DateTimeOffset now)
    {
        while (entries.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            Remove(oldest);
        }
    }

    /// <summary>Frees one place when the store is full (expired entries are already swept): the oldest completed entry, never a live claim.</summary>
    private void MakeRoom()
    {
        if (_entries.Count < _maxEntries)
        {
            return;
        }

        // Only one place is ever needed: entries are added one at a time, and MaxEntries cannot change.
        if (_completed.First is not { } oldestCompleted)
        {
            throw new WebhookIdempotencyStoreFullException(_maxEntries);
        }

        Remove(oldestCompleted);
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        node.List!.Remove(node);
    }

    /// <summary>A claimed (lease id set) or completed (no lease id) key; mutable so that completing a claim reuses its node.</summary>
    private sealed class Entry(WebhookIdempotencyKey key, string? leaseId, DateTimeOffset expiresAt)
    {
        public WebhookIdempotencyKey Key { get; } = key;

        public string? LeaseId { get; private set; } = leaseId;

        public DateTimeOffset ExpiresAt { get; private set; } = expiresAt;

        public void Complete(DateTimeOffset expiresAt)
        {
            LeaseId = null;
            ExpiresAt = expiresAt;
        }
    }
}
