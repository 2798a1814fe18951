using System.Collections.Generic;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Canopy;

/// <summary>Configures a <see cref="CanopySignatureVerifier"/>.</summary>
/// <remarks>
/// The options are read once, when the verifier is constructed; changing them afterwards has no effect on it.
/// </remarks>
public sealed class CanopySignatureOptions
{
    /// <summary>
    /// Gets the accepted webhook secrets, used as HMAC keys in their UTF-8 encoding. Configure more than one
    /// while rotating: add the new secret, switch Canopy over to it, then remove the old one.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>
    /// Gets or sets which bytes the signature covers. The default, <see cref="EmbeddedSignedContent.MemberValue"/>,
    /// is the exact bytes of <c>data</c> as received: Canopy documents <c>hmac_signature</c> as "the signature
    /// of the field data" without saying how <c>data</c> is serialised, and the received bytes need no
    /// re-serialisation that could disagree with Canopy's.
    /// </summary>
    public EmbeddedSignedContent SignedContent { get; set; } = EmbeddedSignedContent.MemberValue;

    /// <summary>Gets or sets how the signature is written. Canopy documents base64, the default.</summary>
    public SignatureEncoding Encoding { get; set; } = SignatureEncoding.Base64;
}
