using System;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Decides whether a presented signature is the HMAC of the signed content under one of the keys. The embedded
/// signature verifiers take their decision only from this; the production one is
/// <see cref="ConstantTimeSecrets.MatchesAnySignature"/>, and tests substitute a recording one to prove it.
/// </summary>
internal delegate bool SignatureMatcher(ReadOnlySpan<byte> presentedSignature, ReadOnlySpan<byte> signedContent, byte[][] keys);
