using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Quarantine;

namespace LoanWebhooks.Sdk.Tests.Quarantine;

/// <summary>Stands in for a store that survives a restart (a database, Redis): the in-memory store, claiming durability.</summary>
public sealed class DurableQuarantineStore : IWebhookQuarantineStore
{
    private readonly InMemoryWebhookQuarantineStore _entries = new();

    public bool IsDurable => true;

    public ValueTask AddAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken = default) => _entries.AddAsync(webhook, cancellationToken);

    public ValueTask<IReadOnlyList<QuarantinedWebhook>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default) => _entries.ListAsync(maxCount, cancellationToken);

    public ValueTask<QuarantinedWebhook?> GetAsync(string id, CancellationToken cancellationToken = default) => _entries.GetAsync(id, cancellationToken);

    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) => _entries.RemoveAsync(id, cancellationToken);

    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) => _entries.CountAsync(cancellationToken);
}

/// <summary>A durable store that cannot be reached: every call throws.</summary>
public sealed class UnreachableDurableQuarantineStore : IWebhookQuarantineStore
{
    public bool IsDurable => true;

    public ValueTask AddAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken = default) =>
        ValueTask.FromException(new TimeoutException("quarantine store unreachable"));

    public ValueTask<IReadOnlyList<QuarantinedWebhook>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default) =>
        ValueTask.FromException<IReadOnlyList<QuarantinedWebhook>>(new TimeoutException("quarantine store unreachable"));

    public ValueTask<QuarantinedWebhook?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromException<QuarantinedWebhook?>(new TimeoutException("quarantine store unreachable"));

    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default) =>
        ValueTask.FromException<bool>(new TimeoutException("quarantine store unreachable"));

    public ValueTask<long> CountAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromException<long>(new TimeoutException("quarantine store unreachable"));
}
