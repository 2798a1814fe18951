using System;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Testing.Signing;

/// <summary>
/// Signs Canopy webhook bodies the way <see cref="CanopySignatureVerifier"/> checks them, for tests and simulators:
/// sets <c>hmac_signature</c> to the HMAC-SHA256 of the signed content under a secret.
/// </summary>
/// <remarks>
/// An existing <c>hmac_signature</c> string is replaced in place; when there is none, the member is appended after
/// the last member. Every other byte of the body is kept as it is.
/// </remarks>
public static class CanopyWebhookSigner
{
    /// <summary>Returns <paramref name="body"/> with its <c>hmac_signature</c> set.</summary>
    /// <param name="body">A Canopy envelope, <c>{ "event", "data", … }</c>.</param>
    /// <param name="secret">The webhook secret; its UTF-8 bytes are the HMAC key.</param>
    /// <param name="signedContent">Which bytes to sign; match the verifier's <see cref="CanopySignatureOptions.SignedContent"/>.</param>
    /// <param name="encoding">How to write the signature: <see cref="SignatureEncoding.Base64"/> (Canopy's) or <see cref="SignatureEncoding.Hex"/>.</param>
    /// <returns>The signed body.</returns>
    /// <exception cref="ArgumentException">
    /// The secret is null or empty; the body is not a JSON object, repeats <c>hmac_signature</c>, or lacks a single
    /// <c>data</c> when that is what is signed; or a choice is not one a signer can make.
    /// </exception>
    public static byte[] Sign(
        ReadOnlySpan<byte> body,
        string secret,
        EmbeddedSignedContent signedContent = EmbeddedSignedContent.MemberValue,
        SignatureEncoding encoding = SignatureEncoding.Base64) =>
        EmbeddedSignatureSigner.Sign(body, "hmac_signature", "data", secret, signedContent, encoding);

    /// <inheritdoc cref="Sign(ReadOnlySpan{byte}, string, EmbeddedSignedContent, SignatureEncoding)"/>
    public static string Sign(
        string body,
        string secret,
        EmbeddedSignedContent signedContent = EmbeddedSignedContent.MemberValue,
        SignatureEncoding encoding = SignatureEncoding.Base64)
    {
        ArgumentNullException.ThrowIfNull(body);

        return Encoding.UTF8.GetString(Sign(Encoding.UTF8.GetBytes(body), secret, signedContent, encoding));
    }
}
