namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Which bytes an HMAC signature carried inside a JSON body (Canopy's <c>hmac_signature</c>) is computed over.
/// Canopy does not document the exact bytes, so this is configurable.
/// </summary>
/// <remarks>
/// The envelope has a signature member and a signed member beside it: Canopy <c>{ "event", "data",
/// "hmac_signature" }</c> signs <c>data</c>. (receeve signs differently, with a public-key signature of the text
/// it sends as <c>payloadAsString</c>; see <c>Receeve.ReceeveSignatureVerifier</c>.)
/// </remarks>
public enum EmbeddedSignedContent
{
    /// <summary>
    /// The signed member's value exactly as received: its bytes from the first (usually <c>{</c>) to the last
    /// (usually <c>}</c>), whitespace and escapes included. This is the default because it needs no
    /// re-serialisation: what is verified is byte for byte what is parsed, and no two JSON writers can
    /// disagree about it.
    /// </summary>
    MemberValue = 0,

    /// <summary>
    /// The whole body as received with the signature member cut out: the bytes from the end of the preceding
    /// member's value to the end of the signature's value (so the comma before it goes too); when the signature
    /// is the first member, from its name to the next member's name; when it is the only one, its name and value.
    /// Fits a sender that serialises the body, signs it, then inserts the signature member without re-serialising.
    /// </summary>
    BodyWithoutSignature = 1,

    /// <summary>
    /// The signed member's value minified: its tokens exactly as received (strings with their escapes,
    /// numbers as written), with no whitespace or comments between them, a <c>:</c> after each member name
    /// and a <c>,</c> between elements (a trailing comma is dropped). Nothing is re-escaped, re-formatted or
    /// re-ordered, so this is what a sender signed when it signed its serialiser's compact output (e.g.
    /// <c>JSON.stringify(value)</c>) but sent the body indented by the same serialiser.
    /// </summary>
    MinifiedMemberValue = 2,
}
