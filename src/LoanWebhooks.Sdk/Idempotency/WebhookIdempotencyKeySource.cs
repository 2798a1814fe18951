namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>Where an idempotency key came from.</summary>
public enum WebhookIdempotencyKeySource
{
    /// <summary>The provider's own deduplication id (<see cref="Events.WebhookEvent.IdempotencyKey"/>).</summary>
    ProviderId = 1,

    /// <summary>
    /// A SHA-256 hash of the raw body, for a delivery without a provider id (Payitoff never sends one; Spinwheel's
    /// credit-profile events may lack <c>webhookId</c>). Deduplicated on only when the provider's options set
    /// <c>DeduplicatesIdenticalBodies</c>.
    /// </summary>
    BodyHash = 2,
}
