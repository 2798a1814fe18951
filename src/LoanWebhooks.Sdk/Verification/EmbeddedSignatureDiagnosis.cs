using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// What a diagnosis of an embedded signature (such as <c>CanopySignatureDiagnostics.Diagnose</c>) found out about one captured request: whether it carries
/// a signature the SDK can read, and which signed bytes and encoding it matches under the given secret.
/// </summary>
/// <remarks>
/// Nothing here contains the secret, the signature or any payload value, so the diagnosis can be logged or
/// pasted into an issue as it is.
/// </remarks>
public sealed class EmbeddedSignatureDiagnosis
{
    internal EmbeddedSignatureDiagnosis(bool hasReadableSignature, IReadOnlyList<EmbeddedSignatureMatch> matches, string summary)
    {
        HasReadableSignature = hasReadableSignature;
        Matches = matches;
        Summary = summary;
    }

    /// <summary>
    /// Gets whether the body is a JSON object with exactly one signature member holding a 32-byte HMAC-SHA256
    /// signature in base64 or hex. When <see langword="false"/>, <see cref="Matches"/> is empty and
    /// <see cref="Summary"/> says what is wrong with the body.
    /// </summary>
    public bool HasReadableSignature { get; }

    /// <summary>
    /// Gets every (signed content, encoding) pair under which the signature is the HMAC of the body with the secret,
    /// in the order of <see cref="EmbeddedSignedContent"/>. Empty when none is, which almost always means the
    /// secret is not the one the sender used. Several entries mean this body cannot tell them apart (e.g. a
    /// <c>data</c> already sent minified is the same bytes either way).
    /// </summary>
    public IReadOnlyList<EmbeddedSignatureMatch> Matches { get; }

    /// <summary>Gets one sentence saying what was found and what to configure.</summary>
    public string Summary { get; }

    /// <summary>Returns <see cref="Summary"/>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => Summary;
}
