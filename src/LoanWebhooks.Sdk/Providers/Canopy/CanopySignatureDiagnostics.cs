using System;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Canopy;

/// <summary>
/// Finds out which bytes Canopy signs. Canopy documents <c>hmac_signature</c> as the base64 HMAC-SHA256 of
/// <c>data</c> but not whether <c>data</c> is signed as sent or re-serialised; the SDK verifies the bytes as
/// received (<see cref="EmbeddedSignedContent.MemberValue"/>) unless told otherwise. Run this once on a captured
/// request whose verification failed to learn which <see cref="CanopySignatureOptions"/> would verify it.
/// </summary>
public static class CanopySignatureDiagnostics
{
    private static readonly EmbeddedSignatureLayout Layout = CreateLayout();

    /// <summary>
    /// Tries every signed content (<see cref="EmbeddedSignedContent"/>) with every encoding (base64, hex) on one
    /// captured Canopy request and reports which match.
    /// </summary>
    /// <param name="body">The request body exactly as received (not re-serialised, not re-indented).</param>
    /// <param name="secret">The webhook secret to try, as it would be configured.</param>
    /// <returns>
    /// The diagnosis; its <see cref="EmbeddedSignatureDiagnosis.Summary"/> says in one sentence what to set on
    /// <c>o.Signature</c>. It never contains the secret, the signature or a payload value.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="secret"/> is null, empty, whitespace, surrounded by whitespace or not valid Unicode (the
    /// same rules as <see cref="CanopySignatureOptions.Secrets"/>). The message never contains the secret.
    /// </exception>
    public static EmbeddedSignatureDiagnosis Diagnose(ReadOnlySpan<byte> body, string secret) =>
        EmbeddedSignatureDiagnostics.Diagnose(body, secret, Layout);

    private static EmbeddedSignatureLayout CreateLayout()
    {
        var defaults = new CanopySignatureOptions();
        return new EmbeddedSignatureLayout(
            CanopySignatureVerifier.SignatureMember,
            CanopySignatureVerifier.SignedMember,
            "o.Signature",
            defaults.SignedContent,
            defaults.Encoding);
    }
}
