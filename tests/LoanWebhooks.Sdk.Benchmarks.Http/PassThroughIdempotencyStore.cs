using LoanWebhooks.Sdk.Idempotency;

namespace LoanWebhooks.Sdk.Benchmarks.Http;

/// <summary>Grants every claim and remembers nothing: the path around the store, without the store (run.sh --store passthrough).</summary>
internal sealed class PassThroughIdempotencyStore : IWebhookIdempotencyStore
{
    public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default) =>
        new(new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, "benchmark"));

    public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => default;

    public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => default;
}
