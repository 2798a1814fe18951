namespace LoanWebhooks.Sdk.Verification;

/// <summary>Where a provider's embedded signature sits and how its options are written, for <see cref="EmbeddedSignatureDiagnostics"/>.</summary>
/// <param name="SignatureName">The signature member, e.g. <c>hmac_signature</c>.</param>
/// <param name="SignedName">The member the signature signs, e.g. <c>data</c>.</param>
/// <param name="OptionsPath">How a user reaches the signature options in <c>AddLoanWebhooks</c>, e.g. <c>o.Signature</c>.</param>
/// <param name="DefaultContent">The options' default signed content.</param>
/// <param name="DefaultEncoding">The options' default encoding.</param>
internal sealed record EmbeddedSignatureLayout(
    string SignatureName,
    string SignedName,
    string OptionsPath,
    EmbeddedSignedContent DefaultContent,
    SignatureEncoding DefaultEncoding);
