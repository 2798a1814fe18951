using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>
/// Remembers which deliveries were processed, so that a provider's redelivery of a processed webhook does not
/// run the handlers twice. Claim before processing; complete after success; release after failure, so that
/// the provider's next redelivery can try again.
/// </summary>
/// <remarks>
/// Implementations must be safe to call concurrently, also from several processes for a shared store: of
/// concurrent claims of one key exactly one may be <see cref="WebhookClaimStatus.Claimed"/>. A claim is a
/// lease: one that is neither completed nor released (the process died) expires, and the key can be claimed again.
/// </remarks>
public interface IWebhookIdempotencyStore
{
    /// <summary>Claims a key for processing.</summary>
    /// <param name="key">The delivery's key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the caller owns the delivery now, or it was processed, or it is being processed.</returns>
    ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default);

    /// <summary>Records that a claimed delivery was processed; its key then answers <see cref="WebhookClaimStatus.AlreadyCompleted"/> until it expires.</summary>
    /// <param name="claim">A claim whose status is <see cref="WebhookClaimStatus.Claimed"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Gives up a claim without completing it, so that the next delivery of the key is processed.</summary>
    /// <param name="claim">A claim whose status is <see cref="WebhookClaimStatus.Claimed"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default);
}
