using System;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>
/// Thrown by <see cref="InMemoryWebhookIdempotencyStore"/> when every entry it may hold is a live claim, so a new key
/// cannot be claimed without forgetting a delivery that is running now (which would let its redelivery run the handlers
/// a second time). The dispatcher answers such a failure with the provider's <c>RetryLater</c> status, so the provider
/// keeps the delivery and sends it again.
/// </summary>
/// <remarks>The message names the limit only: never the key, which may hold a provider's id.</remarks>
public sealed class WebhookIdempotencyStoreFullException : InvalidOperationException
{
    /// <summary>Creates the exception for a store at its limit.</summary>
    /// <param name="maxEntries">The configured limit.</param>
    public WebhookIdempotencyStoreFullException(int maxEntries)
        : base($"The in-memory idempotency store holds its maximum of {maxEntries} entries and every one is a claim still running, so no new delivery can be claimed until one completes, is released or its lease expires. Raise InMemoryWebhookIdempotencyStoreOptions.MaxEntries or shorten ClaimLease.")
    {
        MaxEntries = maxEntries;
    }

    /// <summary>The configured limit (<see cref="InMemoryWebhookIdempotencyStoreOptions.MaxEntries"/>).</summary>
    public int MaxEntries { get; }
}
