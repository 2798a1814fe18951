namespace LoanWebhooks.Sdk.Verification;

/// <summary>One way of reading an embedded HMAC signature that a captured request was found to be signed with.</summary>
/// <param name="SignedContent">Which bytes the signature covers.</param>
/// <param name="Encoding">How the signature is written.</param>
public readonly record struct EmbeddedSignatureMatch(EmbeddedSignedContent SignedContent, SignatureEncoding Encoding);
