using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Benchmarks.Dispatch;

/// <summary>
/// Grants every claim and remembers nothing, so each iteration redelivers the same fixture and its handler
/// still runs; the default in-memory store would answer "duplicate" from the second iteration on.
/// </summary>
public sealed class PassThroughIdempotencyStore : IWebhookIdempotencyStore
{
    public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default) =>
        new(new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, "benchmark"));

    public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => default;

    public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => default;
}
