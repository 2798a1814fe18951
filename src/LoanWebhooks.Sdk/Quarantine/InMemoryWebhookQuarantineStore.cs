using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Quarantine;

/// <summary>
/// The default quarantine: bounded, in this process, lost on restart (<see cref="IsDurable"/> is false). Drifted
/// deliveries it holds are answered with a retryable status, so the provider keeps them too; for several instances or
/// to answer success, use the Redis store (<c>UseRedisQuarantineStore</c>) or a schema-drift handler that stores them.
/// </summary>
public sealed class InMemoryWebhookQuarantineStore : IWebhookQuarantineStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, QuarantinedWebhook> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _oldestFirst = new();
    private readonly InMemoryWebhookQuarantineStoreOptions _options;
    private long _totalBodyBytes;

    /// <summary>Creates a store.</summary>
    /// <param name="options">Its limits; null for the defaults.</param>
    public InMemoryWebhookQuarantineStore(InMemoryWebhookQuarantineStoreOptions? options = null) =>
        _options = options ?? new InMemoryWebhookQuarantineStoreOptions();

    /// <inheritdoc/>
    public bool IsDurable => false;

    /// <inheritdoc/>
    public ValueTask AddAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        lock (_gate)
        {
            if (_entries.TryGetValue(webhook.Id, out QuarantinedWebhook? kept))
            {
                _entries[webhook.Id] = new QuarantinedWebhook(
                    kept.Id, kept.Provider, kept.Body, kept.EventType, kept.ExpectedEventType, kept.Reason, kept.JsonPath, kept.ErrorMessage,
                    kept.FirstReceivedAt, Max(kept.LastReceivedAt, webhook.LastReceivedAt), kept.Receipts + webhook.Receipts);
                return default;
            }

            _entries.Add(webhook.Id, webhook);
            _oldestFirst.AddLast(webhook.Id);
            _totalBodyBytes += webhook.Body.Length;
            while (_entries.Count > _options.MaxEntries || (_totalBodyBytes > _options.MaxTotalBodyBytes && _entries.Count > 1))
            {
                string oldest = _oldestFirst.First!.Value;
                _oldestFirst.RemoveFirst();
                _totalBodyBytes -= _entries[oldest].Body.Length;
                _entries.Remove(oldest);
            }
        }

        return default;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<QuarantinedWebhook>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        lock (_gate)
        {
            return new ValueTask<IReadOnlyList<QuarantinedWebhook>>(_oldestFirst.Take(maxCount).Select(id => _entries[id]).ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<QuarantinedWebhook?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return new ValueTask<QuarantinedWebhook?>(_entries.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            if (!_entries.Remove(id, out QuarantinedWebhook? removed))
            {
                return new ValueTask<bool>(false);
            }

            _oldestFirst.Remove(id);
            _totalBodyBytes -= removed.Body.Length;
            return new ValueTask<bool>(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new ValueTask<long>(_entries.Count);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
