namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>Where an idempotency key came from.</summary>
public enum WebhookIdempotencyKeySource
{
    /// <summary>The provider's own deduplication id (<see cref="Events.WebhookEvent.IdempotencyKey"/>).</summary>
    ProviderId = 1,

    /// <summary>A SHA-256 hash of the raw body, for providers that send no id (Payitoff, Canopy).</summary>
    BodyHash = 2,
}
