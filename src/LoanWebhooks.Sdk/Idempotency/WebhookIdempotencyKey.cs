using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>
/// Identifies one webhook delivery across redeliveries: the provider plus its deduplication id (scoped by event
/// type), or plus a SHA-256 hash of the body when the provider sends none. Safe to log: it holds no body content
/// beyond the id and event type.
/// </summary>
/// <remarks>
/// <para>
/// A provider id is scoped by event type because providers' own documentation reuses one id across event types
/// (Spinwheel's samples do); a redelivery always repeats both.
/// </para>
/// <para>
/// A value type, so that deriving the key costs the dispatcher no allocation; equal keys are equal values.
/// <c>default(WebhookIdempotencyKey)</c> is not a key (its <see cref="Value"/> is null): stores may refuse it.
/// </para>
/// </remarks>
public readonly record struct WebhookIdempotencyKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="provider">The provider that sent the delivery.</param>
    /// <param name="value">The provider's id, or the lower-case hex SHA-256 of the body.</param>
    /// <param name="source">Which of the two <paramref name="value"/> is.</param>
    /// <param name="eventType">The event type a provider id is scoped by; null for a body hash, which covers the event type already.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, or an argument is not a defined value.</exception>
    public WebhookIdempotencyKey(WebhookProvider provider, string value, WebhookIdempotencyKeySource source, string? eventType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        if (provider == default)
        {
            throw new ArgumentException("default(WebhookProvider) names no provider.", nameof(provider));
        }

        if (!Enum.IsDefined(source))
        {
            throw new ArgumentException($"'{source}' is not a defined key source.", nameof(source));
        }

        Provider = provider;
        Value = value;
        Source = source;
        EventType = eventType;
    }

    // For keys the SDK derives itself from a parsed event: the arguments are valid by construction, and the checks
    // above are measurable on the dispatch path.
    private WebhookIdempotencyKey(string value, WebhookProvider provider, WebhookIdempotencyKeySource source, string? eventType)
    {
        Provider = provider;
        Value = value;
        Source = source;
        EventType = eventType;
    }

    /// <summary>The provider that sent the delivery.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The provider's id, or the hex SHA-256 of the body.</summary>
    public string Value { get; }

    /// <summary>Where <see cref="Value"/> came from.</summary>
    public WebhookIdempotencyKeySource Source { get; }

    /// <summary>The event type a provider id is scoped by, or null.</summary>
    public string? EventType { get; }

    /// <summary>True for <c>default(WebhookIdempotencyKey)</c>, which identifies nothing.</summary>
    public bool IsDefault => Value is null;

    /// <summary>Throws when <paramref name="key"/> is <c>default</c> (for store implementations, like <see cref="ArgumentNullException.ThrowIfNull(object?, string?)"/> for a reference).</summary>
    /// <param name="key">The key to check.</param>
    /// <param name="paramName">The parameter's name; filled in by the compiler.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is <c>default</c>.</exception>
    public static void ThrowIfDefault(WebhookIdempotencyKey key, [CallerArgumentExpression(nameof(key))] string? paramName = null)
    {
        if (key.IsDefault)
        {
            throw new ArgumentException("The key is default(WebhookIdempotencyKey), which identifies nothing.", paramName);
        }
    }

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
            : new WebhookIdempotencyKey(webhookEvent.IdempotencyKey, webhookEvent.Provider, WebhookIdempotencyKeySource.ProviderId, webhookEvent.EventType);
    }

    /// <summary>The key made of the SHA-256 hash of a body.</summary>
    /// <param name="provider">The provider that sent it.</param>
    /// <param name="body">The raw body as received.</param>
    /// <returns>The key.</returns>
    public static WebhookIdempotencyKey FromBody(WebhookProvider provider, ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return new WebhookIdempotencyKey(provider, LowerHex(hash), WebhookIdempotencyKeySource.BodyHash);
    }

    // Convert.ToHexStringLower is .NET 9+; upper-casing then lowering would allocate the string twice.
    private static string LowerHex(ReadOnlySpan<byte> bytes)
    {
        Span<char> chars = stackalloc char[bytes.Length * 2];
        for (int i = 0; i < bytes.Length; i++)
        {
            // Stryker disable once Bitwise : equivalent. A byte widens to a non-negative int, so >>> shifts in the same zeros as >>.
            chars[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
            chars[(2 * i) + 1] = "0123456789abcdef"[bytes[i] & 0xF];
        }

        return new string(chars);
    }

    /// <summary>
    /// One string that is unique per key, e.g. <c>spinwheel:id:USER_LIABILITIES_CONNECTED:1669434136600-0</c> or
    /// <c>payitoff:sha256:9b2e…</c>; usable as a storage key.
    /// </summary>
    /// <returns>The key as text.</returns>
    public override string ToString() =>
        Source == WebhookIdempotencyKeySource.ProviderId
            ? string.Concat(Provider.ToString().ToLowerInvariant(), ":id:", EventType, ":", Value)
            : string.Concat(Provider.ToString().ToLowerInvariant(), ":sha256:", Value);
}
