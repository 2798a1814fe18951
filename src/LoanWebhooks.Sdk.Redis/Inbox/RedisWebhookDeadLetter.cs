using System;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>A delivery whose handlers failed <see cref="RedisStreamInboxOptions.MaxAttempts"/> times, as the dead-letter stream keeps it.</summary>
/// <param name="Id">The dead-letter stream entry's id.</param>
/// <param name="ProviderName">The provider's name.</param>
/// <param name="EventType">The event type the body named.</param>
/// <param name="IdempotencyKey">The delivery's idempotency key as text.</param>
/// <param name="ReceivedAt">When the delivery was received.</param>
/// <param name="FailedAt">When it moved to the dead-letter stream.</param>
/// <param name="Attempts">How many handler runs it had.</param>
/// <param name="Error">The last error: exception and handler type names or the reason it could not run, never a payload value.</param>
/// <param name="Body">The verified body, exactly as received.</param>
public sealed record RedisWebhookDeadLetter(
    string Id,
    string ProviderName,
    string EventType,
    string IdempotencyKey,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? FailedAt,
    int Attempts,
    string Error,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>Prints id, provider, attempts and error; never the body or the key.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Id} {ProviderName} after {Attempts} attempts: {Error}";
}
