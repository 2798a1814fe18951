using System;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Canopy;

/// <summary>
/// Verifies Canopy Servicing's <c>hmac_signature</c>: an HMAC-SHA256 of the envelope's <c>data</c>, keyed with
/// the webhook secret and carried in the body, <c>{ "event", "data", "hmac_signature" }</c>.
/// </summary>
/// <remarks>
/// <para>
/// The signature is compared in constant time against the signature under every configured secret.
/// It authenticates <c>data</c> only: <c>event</c>, which names the event type, is outside it, and nothing
/// dates the envelope, so a captured request can be replayed. Canopy delivers at least once and suggests
/// <c>hmac_signature</c> itself to detect duplicates; de-duplicate on it to make a replay harmless.
/// </para>
/// <para>
/// A body that is not a JSON object, or lacks <c>data</c> or <c>hmac_signature</c>, or repeats either, fails
/// with a reason rather than an exception.
/// </para>
/// </remarks>
public sealed class CanopySignatureVerifier : IWebhookVerifier
{
    internal const string SignatureMember = "hmac_signature";
    internal const string SignedMember = "data";

    private readonly EmbeddedHmacSignatureVerifier _core;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The secrets and signature format.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// There is no secret; a secret is null, empty, whitespace, surrounded by whitespace or not valid Unicode;
    /// or a choice is not a defined enum value. The message never contains a secret.
    /// </exception>
    public CanopySignatureVerifier(CanopySignatureOptions options)
        : this(options, ConstantTimeSecrets.MatchesAnySignature)
    {
    }

    internal CanopySignatureVerifier(CanopySignatureOptions options, SignatureMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(options);

        EmbeddedHmacSignatureVerifier.ValidateChoices(options.SignedContent, options.Encoding, nameof(CanopySignatureOptions));
        byte[][] keys = HmacSecrets.ToKeys(options.Secrets, $"{nameof(CanopySignatureOptions)}.{nameof(CanopySignatureOptions.Secrets)}");
        _core = new EmbeddedHmacSignatureVerifier(SignatureMember, SignedMember, keys, options.SignedContent, options.Encoding, matcher);
    }

    internal SignatureMatcher Matcher => _core.Matcher;

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        return _core.Verify(request.Body.Span, out _);
    }
}
