using System;
using System.Security.Cryptography;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>
/// Identifies one webhook delivery across redeliveries: the provider plus its deduplication id, or plus a
/// SHA-256 hash of the body when the provider sends none. Safe to log: it never contains body content.
/// </summary>
public sealed record WebhookIdempotencyKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="provider">The provider that sent the delivery.</param>
    /// <param name="value">The provider's id, or the lower-case hex SHA-256 of the body.</param>
    /// <param name="source">Which of the two <paramref name="value"/> is.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or an argument is not a defined value.</exception>
    public WebhookIdempotencyKey(WebhookProvider provider, string value, WebhookIdempotencyKeySource source)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (!Enum.IsDefined(provider))
        {
            throw new ArgumentException($"'{provider}' is not a defined provider.", nameof(provider));
        }

        if (!Enum.IsDefined(source))
        {
            throw new ArgumentException($"'{source}' is not a defined key source.", nameof(source));
        }

        Provider = provider;
        Value = value;
        Source = source;
    }

    /// <summary>The provider that sent the delivery.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The provider's id, or the hex SHA-256 of the body.</summary>
    public string Value { get; }

    /// <summary>Where <see cref="Value"/> came from.</summary>
    public WebhookIdempotencyKeySource Source { get; }

    /// <summary>
    /// The key for a parsed event: its provider id when it has one, otherwise the hash of
    /// <paramref name="body"/>.
    /// </summary>
    /// <param name="webhookEvent">The parsed event.</param>
    /// <param name="body">The raw body as received.</param>
    /// <returns>The key.</returns>
    public static WebhookIdempotencyKey For(WebhookEvent webhookEvent, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        return string.IsNullOrEmpty(webhookEvent.IdempotencyKey)
            ? FromBody(webhookEvent.Provider, body)
            : new WebhookIdempotencyKey(webhookEvent.Provider, webhookEvent.IdempotencyKey, WebhookIdempotencyKeySource.ProviderId);
    }

    /// <summary>The key made of the SHA-256 hash of a body.</summary>
    /// <param name="provider">The provider that sent it.</param>
    /// <param name="body">The raw body as received.</param>
    /// <returns>The key.</returns>
    public static WebhookIdempotencyKey FromBody(WebhookProvider provider, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return new WebhookIdempotencyKey(provider, Convert.ToHexString(hash).ToLowerInvariant(), WebhookIdempotencyKeySource.BodyHash);
    }

    /// <summary>One string that is unique per key, e.g. <c>receeve:id:4f1c…</c> or <c>payitoff:sha256:9b2e…</c>; usable as a storage key.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() =>
        string.Concat(
            Provider.ToString().ToLowerInvariant(),
            Source == WebhookIdempotencyKeySource.ProviderId ? ":id:" : ":sha256:",
            Value);
}
