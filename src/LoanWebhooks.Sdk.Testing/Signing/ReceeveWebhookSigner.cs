using System;
using System.Globalization;
using System.Text;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Testing.Signing;

/// <summary>
/// Signs receeve webhook bodies the way <see cref="ReceeveSignatureVerifier"/> checks them, for tests and
/// simulators: sets <c>signature</c> to the HMAC-SHA256 of the signed content under a secret, optionally after
/// re-dating <c>payload.timestamp</c>.
/// </summary>
/// <remarks>
/// An existing <c>signature</c> string is replaced in place; when there is none, the member is appended after the
/// last member. Every other byte of the body is kept as it is. The documented samples date from 2021 and fail the
/// verifier's timestamp check unless re-dated with <c>timestamp</c>.
/// </remarks>
public static class ReceeveWebhookSigner
{
    /// <summary>Returns <paramref name="body"/> with its <c>signature</c> set.</summary>
    /// <param name="body">A receeve envelope, <c>{ "payload": { …, "timestamp" }, … }</c>.</param>
    /// <param name="secret">The webhook secret; its UTF-8 bytes are the HMAC key.</param>
    /// <param name="signedContent">Which bytes to sign; match the verifier's <see cref="ReceeveSignatureOptions.SignedContent"/>.</param>
    /// <param name="encoding">How to write the signature: <see cref="SignatureEncoding.Base64"/> or <see cref="SignatureEncoding.Hex"/>.</param>
    /// <param name="timestamp">
    /// When set, <c>payload.timestamp</c> is first replaced with this instant in UTC, written as
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> like receeve's samples.
    /// </param>
    /// <returns>The signed body.</returns>
    /// <exception cref="ArgumentException">
    /// The secret is null or empty; the body is not a JSON object, repeats <c>signature</c>, or lacks a single
    /// <c>payload</c> (with a single <c>timestamp</c>, when re-dating) where needed; or a choice is not one a signer can make.
    /// </exception>
    public static byte[] Sign(
        ReadOnlySpan<byte> body,
        string secret,
        EmbeddedSignedContent signedContent = EmbeddedSignedContent.MemberValue,
        SignatureEncoding encoding = SignatureEncoding.Base64,
        DateTimeOffset? timestamp = null)
    {
        ReadOnlySpan<byte> dated = timestamp is { } instant
            ? EmbeddedSignatureSigner.ReplaceNestedString(
                body,
                "payload",
                "timestamp",
                instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            : body;

        return EmbeddedSignatureSigner.Sign(dated, "signature", "payload", secret, signedContent, encoding);
    }

    /// <inheritdoc cref="Sign(ReadOnlySpan{byte}, string, EmbeddedSignedContent, SignatureEncoding, DateTimeOffset?)"/>
    public static string Sign(
        string body,
        string secret,
        EmbeddedSignedContent signedContent = EmbeddedSignedContent.MemberValue,
        SignatureEncoding encoding = SignatureEncoding.Base64,
        DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(body);

        return Encoding.UTF8.GetString(Sign(Encoding.UTF8.GetBytes(body), secret, signedContent, encoding, timestamp));
    }
}
