using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The in-memory idempotency store, counting every call the dispatcher makes to it.</summary>
public sealed class CountingIdempotencyStore : IWebhookIdempotencyStore
{
    private readonly InMemoryWebhookIdempotencyStore _inner = new();
    private int _claims;
    private int _completions;
    private int _releases;

    public int Claims => Volatile.Read(ref _claims);

    public int Completions => Volatile.Read(ref _completions);

    public int Releases => Volatile.Read(ref _releases);

    public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _claims);
        return _inner.ClaimAsync(key, cancellationToken);
    }

    public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _completions);
        return _inner.CompleteAsync(claim, cancellationToken);
    }

    public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _releases);
        return _inner.ReleaseAsync(claim, cancellationToken);
    }
}
