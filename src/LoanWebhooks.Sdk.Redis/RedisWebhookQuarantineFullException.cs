using System;

namespace LoanWebhooks.Sdk.Redis;

/// <summary>
/// The <see cref="RedisWebhookQuarantineStore"/> holds <see cref="RedisWebhookQuarantineStoreOptions.MaxEntries"/>
/// entries, so a new one was not stored. The dispatcher answers the delivery with a status the provider retries.
/// </summary>
/// <remarks>The message names the entry's id (provider and body hash) and the limit, never a payload value.</remarks>
public sealed class RedisWebhookQuarantineFullException : InvalidOperationException
{
    /// <summary>Creates the exception for the entry that did not fit.</summary>
    /// <param name="id">The id of the entry that was not stored.</param>
    /// <param name="maxEntries">The configured limit.</param>
    public RedisWebhookQuarantineFullException(string id, int maxEntries)
        : base($"The Redis quarantine holds its maximum of {maxEntries} entries, so entry {id} was not stored. Replay or remove entries, or raise RedisWebhookQuarantineStoreOptions.MaxEntries.")
    {
        Id = id;
        MaxEntries = maxEntries;
    }

    /// <summary>The id of the entry that was not stored.</summary>
    public string Id { get; }

    /// <summary>The configured limit.</summary>
    public int MaxEntries { get; }
}
