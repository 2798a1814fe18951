using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;

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
    // Entries are structs in one array, linked by index, and a key's value is copied into a character array beside it:
    // a store at its bound holds a few arrays and no object per entry. With objects per entry (a list node, an entry, a
    // lease id, the key's string), 100,000 entries replaced at the request rate lived just long enough to be promoted
    // and died in generation 2, which cost a full collection about every second under load (see docs/performance.md).
    private const int NoSlot = -1;
    private const int InitialSlots = 1024;

    // Values up to this length (every provider's id and Payitoff's 64-digit body hash) are copied; a longer one is kept
    // as its string.
    private const int InlineValueChars = 64;

    // A completed entry has no lease; claims' lease ids start at 1.
    private const long CompletedLease = 0;

    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _maxEntries;
    private readonly TimeSpan _completedRetention;
    private readonly TimeSpan _claimLease;
    private Slot[] _slots;
    private char[] _values;

    // Hash buckets: the index of the first slot whose key hashes to the bucket, plus one (0: none); chained through the slots.
    private int[] _buckets;
    private int _count;
    private int _slotsUsed;
    private int _firstFreeSlot = NoSlot;

    // One list per kind, each in the order its entries were added. Every claim gets the same lease and every completed
    // entry the same retention, so while the clock moves forward each list is also in expiry order: the expired entries
    // are at its front, and the sweep stops at the first live one.
    private SlotList _claims = SlotList.Empty;
    private SlotList _completed = SlotList.Empty;
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
        // Stryker disable once Linq : equivalent. Memory only: capacity is _count against _maxEntries, never the array's length, so more slots only stay empty.
        _slots = new Slot[Math.Min(_maxEntries, InitialSlots)];
        _values = new char[_slots.Length * InlineValueChars];
        _buckets = new int[BucketCount(_slots.Length)];
    }

    /// <summary>The number of keys held, expired ones included until they are swept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="WebhookIdempotencyStoreFullException">The store is full of live claims.</exception>
    public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyKey.ThrowIfDefault(key);
        cancellationToken.ThrowIfCancellationRequested();

        long leaseId;
        lock (_gate)
        {
            DateTimeOffset now = _timeProvider.GetUtcNow();
            SweepExpired(now.UtcTicks);

            int hash = Hash(key);
            int existing = Find(key, hash);
            if (existing != NoSlot)
            {
                ref Slot entry = ref _slots[existing];
                if (entry.ExpiresAtUtcTicks > now.UtcTicks)
                {
                    var status = entry.LeaseId == CompletedLease ? WebhookClaimStatus.AlreadyCompleted : WebhookClaimStatus.InProgress;
                    return ValueTask.FromResult(new WebhookIdempotencyClaim(key, status, leaseId: null));
                }

                // Expired but not swept: only when the wall clock stepped back and the lists are out of expiry order.
                Remove(existing);
            }

            long expiresAt = (now + _claimLease).UtcTicks;
            MakeRoom();
            // Stryker disable once Update : equivalent. Counting down gives -1, -2, …: just as unique, never the completed entry's 0, and IsLease compares the text it formats.
            leaseId = ++_nextLeaseId;
            Add(key, hash, leaseId, expiresAt, ref _claims);
        }

        // Formatted outside the lock: the string is the caller's, the store keeps the number.
        return ValueTask.FromResult(new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, leaseId.ToString(CultureInfo.InvariantCulture)));
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
            SweepExpired(now.UtcTicks);

            int hash = Hash(claim.Key);
            int index = Find(claim.Key, hash);
            if (index != NoSlot)
            {
                ref Slot entry = ref _slots[index];

                // Our lease expired and another delivery claimed the key: that claimant records the outcome.
                if (entry.LeaseId != CompletedLease && !IsLease(entry.LeaseId, claim.LeaseId) && entry.ExpiresAtUtcTicks > now.UtcTicks)
                {
                    return ValueTask.CompletedTask;
                }

                // Our own claim, or a key already completed: remember it from now on, moving the slot rather than taking another.
                long expiresAt = (now + _completedRetention).UtcTicks;
                Unlink(index);
                entry.LeaseId = CompletedLease;
                entry.ExpiresAtUtcTicks = expiresAt;
                Append(index, ref _completed);
                return ValueTask.CompletedTask;
            }

            // The claim expired and was swept meanwhile; the handlers did run, so remember it.
            MakeRoom();
            Add(claim.Key, hash, CompletedLease, (now + _completedRetention).UtcTicks, ref _completed);
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
            int index = Find(claim.Key, Hash(claim.Key));
            if (index != NoSlot && _slots[index].LeaseId != CompletedLease && IsLease(_slots[index].LeaseId, claim.LeaseId))
            {
                Remove(index);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Whether <paramref name="leaseId"/> is the text this store handed out for <paramref name="held"/>.</summary>
    private static bool IsLease(long held, string? leaseId)
    {
        Span<char> text = stackalloc char[20];
        return held.TryFormat(text, out int length, default, CultureInfo.InvariantCulture)
            && text[..length].SequenceEqual(leaseId);
    }

    private void SweepExpired(long nowUtcTicks)
    {
        while (_claims.First != NoSlot && _slots[_claims.First].ExpiresAtUtcTicks <= nowUtcTicks)
        {
            Remove(_claims.First);
        }

        while (_completed.First != NoSlot && _slots[_completed.First].ExpiresAtUtcTicks <= nowUtcTicks)
        {
            Remove(_completed.First);
        }
    }

    /// <summary>Frees one place when the store is full (expired entries are already swept): the oldest completed entry, never a live claim.</summary>
    private void MakeRoom()
    {
        if (_count < _maxEntries)
        {
            return;
        }

        // Only one place is ever needed: entries are added one at a time, and MaxEntries cannot change.
        if (_completed.First == NoSlot)
        {
            throw new WebhookIdempotencyStoreFullException(_maxEntries);
        }

        Remove(_completed.First);
    }

    private static int Hash(WebhookIdempotencyKey key) =>
        HashCode.Combine(key.Provider, key.Source, key.EventType, string.GetHashCode(key.Value.AsSpan()));

    private static int BucketCount(int slots) => (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slots));

    private ref int Bucket(int hash) => ref _buckets[hash & (_buckets.Length - 1)];

    /// <summary>The slot that holds <paramref name="key"/>, or <see cref="NoSlot"/>.</summary>
    private int Find(WebhookIdempotencyKey key, int hash)
    {
        for (int index = Bucket(hash) - 1; index != NoSlot; index = _slots[index].NextInBucket)
        {
            ref Slot entry = ref _slots[index];
            if (entry.Hash == hash
                && entry.Provider == key.Provider
                && entry.Source == key.Source
                && string.Equals(entry.EventType, key.EventType, StringComparison.Ordinal)
                && ValueOf(index, in entry).SequenceEqual(key.Value))
            {
                return index;
            }
        }

        return NoSlot;
    }

    private ReadOnlySpan<char> ValueOf(int index, in Slot entry) =>
        entry.LongValue is { } value ? value : _values.AsSpan(index * InlineValueChars, entry.ValueLength);

    private void Add(WebhookIdempotencyKey key, int hash, long leaseId, long expiresAtUtcTicks, ref SlotList list)
    {
        int index = TakeSlot();
        // Stryker disable once Equality : equivalent. Memory only: ValueOf reads a value kept as its string the same as one copied inline.
        bool inline = key.Value.Length <= InlineValueChars;
        if (inline)
        {
            key.Value.AsSpan().CopyTo(_values.AsSpan(index * InlineValueChars));
        }

        ref int bucket = ref Bucket(hash);
        _slots[index] = new Slot
        {
            Hash = hash,
            Provider = key.Provider,
            Source = key.Source,
            EventType = key.EventType,
            ValueLength = key.Value.Length,
            // Stryker disable once Conditional : equivalent. Memory only: ValueOf reads a value kept as its string the same as one copied inline.
            LongValue = inline ? null : key.Value,
            LeaseId = leaseId,
            ExpiresAtUtcTicks = expiresAtUtcTicks,
            NextInBucket = bucket - 1,
        };
        bucket = index + 1;
        Append(index, ref list);
        _count++;
    }

    private void Remove(int index)
    {
        ref Slot entry = ref _slots[index];
        UnlinkFromBucket(index, entry.Hash);
        Unlink(index);
        _count--;

        // Cleared so the key's strings can be collected; the free slots are chained through Next.
        entry = new Slot { Next = _firstFreeSlot, Previous = NoSlot, NextInBucket = NoSlot };
        _firstFreeSlot = index;
    }

    private void UnlinkFromBucket(int index, int hash)
    {
        ref int link = ref Bucket(hash);
        while (link - 1 != index)
        {
            link = ref _slots[link - 1].NextInBucketLink;
        }

        link = _slots[index].NextInBucketLink;
    }

    private int TakeSlot()
    {
        if (_firstFreeSlot != NoSlot)
        {
            int free = _firstFreeSlot;
            _firstFreeSlot = _slots[free].Next;
            return free;
        }

        // Never more slots than MaxEntries: every key holds one, and a full store frees one before it takes one.
        if (_slotsUsed == _slots.Length)
        {
            Grow();
        }

        return _slotsUsed++;
    }

    private void Grow()
    {
        // Stryker disable once Linq : equivalent. Memory only: capacity is _count against _maxEntries, never the array's length, so more slots only stay empty.
        int slots = (int)Math.Min(_maxEntries, _slots.Length * 2L);
        Array.Resize(ref _slots, slots);
        Array.Resize(ref _values, slots * InlineValueChars);
        _buckets = new int[BucketCount(slots)];

        // No slot is free while the array grows (the free ones are taken first), so every used slot is rehashed.
        for (int index = 0; index < _slotsUsed; index++)
        {
            ref int bucket = ref Bucket(_slots[index].Hash);
            _slots[index].NextInBucket = bucket - 1;
            bucket = index + 1;
        }
    }

    private void Append(int index, ref SlotList list)
    {
        ref Slot entry = ref _slots[index];
        entry.Previous = list.Last;
        entry.Next = NoSlot;
        // Stryker disable once Linq : equivalent. A list's First and Last are NoSlot together: both set by its first Append, both cleared by Unlink of its only entry.
        if (list.Last == NoSlot)
        {
            list.First = index;
        }
        else
        {
            _slots[list.Last].Next = index;
        }

        list.Last = index;
    }

    private void Unlink(int index)
    {
        ref Slot entry = ref _slots[index];
        ref SlotList list = ref entry.LeaseId == CompletedLease ? ref _completed : ref _claims;
        if (entry.Previous == NoSlot)
        {
            list.First = entry.Next;
        }
        else
        {
            _slots[entry.Previous].Next = entry.Next;
        }

        if (entry.Next == NoSlot)
        {
            list.Last = entry.Previous;
        }
        else
        {
            _slots[entry.Next].Previous = entry.Previous;
        }
    }

    /// <summary>A claimed (lease id from 1) or completed (<see cref="CompletedLease"/>) key, and its neighbours in its list and its bucket.</summary>
    private struct Slot
    {
        public int Hash;
        public WebhookProvider Provider;
        public WebhookIdempotencyKeySource Source;
        public string? EventType;
        public int ValueLength;

        // Only for a value longer than InlineValueChars; shorter ones are in _values.
        public string? LongValue;
        public long LeaseId;
        public long ExpiresAtUtcTicks;
        public int Previous;
        public int Next;

        // The next slot in the same bucket, plus one (0: none), as UnlinkFromBucket walks it; NextInBucket reads it as an index.
        public int NextInBucketLink;

        public int NextInBucket
        {
            readonly get => NextInBucketLink - 1;
            set => NextInBucketLink = value + 1;
        }
    }

    /// <summary>The ends of one list of slots, oldest first.</summary>
    private struct SlotList
    {
        public static readonly SlotList Empty = new() { First = NoSlot, Last = NoSlot };

        public int First;
        public int Last;
    }
}
