using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Tries every reading of an embedded HMAC signature on one captured body: each <see cref="EmbeddedSignedContent"/>
/// with each concrete <see cref="SignatureEncoding"/>, using the same member locator, content reader and signature
/// decoder as <see cref="EmbeddedHmacSignatureVerifier"/>, so a match here is a match there.
/// </summary>
internal static class EmbeddedSignatureDiagnostics
{
    // Base64OrHex is not tried on its own: it accepts exactly what these two accept.
    private static readonly SignatureEncoding[] ConcreteEncodings = { SignatureEncoding.Base64, SignatureEncoding.Hex };

    public static EmbeddedSignatureDiagnosis Diagnose(ReadOnlySpan<byte> body, string secret, EmbeddedSignatureLayout layout)
    {
        byte[] key = HmacSecrets.ToKeys(new[] { secret }, nameof(secret))[0];
        JsonReaderOptions options = EmbeddedHmacSignatureVerifier.ReaderOptions;
        string signatureName = Quote(layout.SignatureName);

        JsonObjectStatus status = JsonObjectMembers.Locate(
            body,
            options,
            Encoding.UTF8.GetBytes(layout.SignatureName),
            Encoding.UTF8.GetBytes(layout.SignedName),
            out JsonMemberLocation signature,
            out JsonMemberLocation signed,
            out _);

        if (status != JsonObjectStatus.Object)
        {
            return Unreadable($"The body is not a JSON object, so it has no {signatureName} to diagnose; pass the request body exactly as received.");
        }

        if (signature.Count == 0)
        {
            return Unreadable($"The body has no {signatureName} member, so there is no signature to diagnose; pass a request the sender signed, exactly as received.");
        }

        if (signature.Count > 1)
        {
            return Unreadable($"The body has more than one {signatureName} member, so which one is the signature is ambiguous and the verifier refuses it.");
        }

        Span<byte> text = stackalloc byte[SignatureText.MaxTokenLength];
        int textLength = 0;
        bool readable = signature.ValueType == JsonTokenType.String
            && signature.Value(body).Length <= SignatureText.MaxTokenLength
            && SignatureText.TryUnescape(signature.Value(body), options, text, out textLength);
        if (!readable || !DecodesInAnyEncoding(text[..textLength]))
        {
            return Unreadable($"The {signatureName} member is not an HMAC-SHA256 signature written as {SignatureText.Describe(SignatureEncoding.Base64OrHex)}, so no secret or signed content can match it.");
        }

        var matches = new List<EmbeddedSignatureMatch>();
        byte[] scratch = new byte[Math.Max(body.Length, 1)];
        Span<byte> presented = stackalloc byte[SignatureText.SignatureLength];
        Span<byte> computed = stackalloc byte[SignatureText.SignatureLength];
        foreach (EmbeddedSignedContent content in Enum.GetValues<EmbeddedSignedContent>())
        {
            if (SignedContentReader.SignsMember(content) && signed.Count != 1)
            {
                // The verifier refuses a body without exactly one signed member in these modes.
                continue;
            }

            HMACSHA256.HashData(key, SignedContentReader.Get(body, signature, signed, content, options, scratch), computed);
            foreach (SignatureEncoding encoding in ConcreteEncodings)
            {
                if (SignatureText.TryDecode(text[..textLength], encoding, presented) && CryptographicOperations.FixedTimeEquals(presented, computed))
                {
                    matches.Add(new EmbeddedSignatureMatch(content, encoding));
                }
            }
        }

        return new EmbeddedSignatureDiagnosis(true, matches.AsReadOnly(), Summarise(matches, layout));
    }

    private static EmbeddedSignatureDiagnosis Unreadable(string summary) =>
        new(false, Array.Empty<EmbeddedSignatureMatch>(), summary);

    private static bool DecodesInAnyEncoding(ReadOnlySpan<byte> text)
    {
        Span<byte> ignored = stackalloc byte[SignatureText.SignatureLength];
        return SignatureText.TryDecode(text, SignatureEncoding.Base64OrHex, ignored);
    }

    private static string Summarise(List<EmbeddedSignatureMatch> matches, EmbeddedSignatureLayout layout)
    {
        if (matches.Count == 0)
        {
            return $"The {Quote(layout.SignatureName)} member matches no reading the SDK knows ({Describe(EmbeddedSignedContent.MemberValue, layout)}, "
                + $"{Describe(EmbeddedSignedContent.MinifiedMemberValue, layout)} or {Describe(EmbeddedSignedContent.BodyWithoutSignature, layout)}, "
                + "each in base64 and hex) under this secret: the secret is most likely not the one the sender signs with.";
        }

        var defaults = new EmbeddedSignatureMatch(layout.DefaultContent, layout.DefaultEncoding);
        EmbeddedSignatureMatch chosen = matches.Contains(defaults) ? defaults : matches[0];
        string found = $"The signature is the HMAC of {Describe(chosen.SignedContent, layout)}, written as {Describe(chosen.Encoding)}";
        string alike = matches.Count > 1 ? " (for this body other readings give the same bytes, so any of them would do)" : string.Empty;

        var settings = new List<string>(2);
        if (chosen.SignedContent != layout.DefaultContent)
        {
            settings.Add($"{layout.OptionsPath}.SignedContent = {nameof(EmbeddedSignedContent)}.{chosen.SignedContent}");
        }

        if (chosen.Encoding != layout.DefaultEncoding)
        {
            settings.Add($"{layout.OptionsPath}.Encoding = {nameof(SignatureEncoding)}.{chosen.Encoding}");
        }

        return settings.Count == 0
            ? $"{found}{alike}: the defaults verify it, so there is nothing to configure."
            : $"{found}{alike}: set {string.Join(" and ", settings)}.";
    }

    private static string Describe(EmbeddedSignedContent content, EmbeddedSignatureLayout layout) => content switch
    {
        EmbeddedSignedContent.MemberValue => $"{Quote(layout.SignedName)} exactly as received",
        EmbeddedSignedContent.MinifiedMemberValue => $"{Quote(layout.SignedName)} minified",
        EmbeddedSignedContent.BodyWithoutSignature => $"the body without {Quote(layout.SignatureName)}",
        _ => throw new ArgumentOutOfRangeException(nameof(content), content, "Unknown signed content."),
    };

    private static string Describe(SignatureEncoding encoding) => encoding == SignatureEncoding.Hex ? "hex" : "base64";

    private static string Quote(string memberName) => "\"" + memberName + "\"";
}
