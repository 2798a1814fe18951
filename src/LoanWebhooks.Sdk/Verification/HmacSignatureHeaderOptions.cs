using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Settings of <see cref="HmacSignatureHeaderVerifier"/>: an HMAC-SHA256 of the raw body, sent in a header, the
/// scheme most webhook senders use (<c>X-Signature: sha256=&lt;hex&gt;</c>).
/// </summary>
public sealed class HmacSignatureHeaderOptions
{
    /// <summary>The header that carries the signature, e.g. <c>X-Signature</c>. Required.</summary>
    public string HeaderName { get; set; } = string.Empty;

    /// <summary>The accepted secrets (their UTF-8 bytes are the HMAC keys); several while you rotate. At least one.</summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>How the 32 signature bytes are written (default <see cref="SignatureEncoding.Hex"/>).</summary>
    public SignatureEncoding Encoding { get; set; } = SignatureEncoding.Hex;

    /// <summary>
    /// Text the header value starts with before the signature, e.g. <c>sha256=</c> (compared ordinally, ignoring
    /// case); empty when the value is the signature alone. A value without it is refused.
    /// </summary>
    public string Prefix { get; set; } = string.Empty;
}
