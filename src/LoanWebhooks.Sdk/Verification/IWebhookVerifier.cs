namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Decides whether a webhook request really comes from the provider, before any of its content is
/// parsed or acted on.
/// </summary>
/// <remarks>
/// Implementations must be safe to call concurrently and must never throw because of what a request
/// contains: every hostile or garbled request is answered with a failed
/// <see cref="WebhookVerificationResult"/>, so that an attacker cannot turn a verifier into an
/// unhandled exception (and a 500 that the provider retries).
/// </remarks>
public interface IWebhookVerifier
{
    /// <summary>Verifies one incoming webhook request.</summary>
    /// <param name="request">The request exactly as it was received.</param>
    /// <returns>
    /// <see cref="WebhookVerificationResult.Verified"/> when the request is authentic; otherwise a failed
    /// result whose <see cref="WebhookVerificationResult.Reason"/> says why.
    /// </returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    WebhookVerificationResult Verify(WebhookRequest request);
}
