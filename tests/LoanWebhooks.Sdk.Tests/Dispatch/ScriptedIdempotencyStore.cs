using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The in-memory store (on the host's clock), made to fail or to answer in progress when a test says so.</summary>
public sealed class ScriptedIdempotencyStore(TimeProvider time) : IWebhookIdempotencyStore
{
    private readonly InMemoryWebhookIdempotencyStore _inner = new(timeProvider: time);

    public bool AnswerInProgress { get; set; }

    public bool ClaimThrows { get; set; }

    /// <summary>How many of the next completions throw.</summary>
    public int CompletionsThatThrow { get; set; }

    public bool ReleaseThrows { get; set; }

    public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default)
    {
        if (ClaimThrows)
        {
            throw new TimeoutException("store unreachable");
        }

        return AnswerInProgress
            ? ValueTask.FromResult(new WebhookIdempotencyClaim(key, WebhookClaimStatus.InProgress, leaseId: null))
            : _inner.ClaimAsync(key, cancellationToken);
    }

    public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        if (CompletionsThatThrow > 0)
        {
            CompletionsThatThrow--;
            throw new TimeoutException("store unreachable");
        }

        return _inner.CompleteAsync(claim, cancellationToken);
    }

    public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        if (ReleaseThrows)
        {
            throw new TimeoutException("store unreachable");
        }

        return _inner.ReleaseAsync(claim, cancellationToken);
    }
}
