using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// The mechanism behind <c>Canopy.CanopySignatureVerifier</c>: an
/// HMAC-SHA256 signature carried as a string member of a JSON object body, next to the member it signs.
/// </summary>
internal sealed class EmbeddedHmacSignatureVerifier
{
    private readonly byte[] _signatureName;
    private readonly byte[] _signedName;
    private readonly string _signatureNameText;
    private readonly string _signedNameText;
    private readonly byte[][] _keys;
    private readonly EmbeddedSignedContent _content;
    private readonly SignatureEncoding _encoding;

    public EmbeddedHmacSignatureVerifier(
        string signatureName,
        string signedName,
        byte[][] keys,
        EmbeddedSignedContent content,
        SignatureEncoding encoding,
        SignatureMatcher matcher)
    {
        _signatureNameText = signatureName;
        _signedNameText = signedName;
        _signatureName = Encoding.UTF8.GetBytes(signatureName);
        _signedName = Encoding.UTF8.GetBytes(signedName);
        _keys = keys;
        _content = content;
        _encoding = encoding;
        Matcher = matcher;
    }

    /// <summary>The reader options every body is read with: the parser's, so both agree on what the body is.</summary>
    public static JsonReaderOptions ReaderOptions { get; } = WebhookJsonDefaults.ReaderOptions(WebhookJsonDefaults.MaxDepth);

    /// <summary>The only place where the decision is taken; exposed so tests can check which one is used.</summary>
    public SignatureMatcher Matcher { get; }

    /// <summary>Throws unless <paramref name="content"/> and <paramref name="encoding"/> are defined values.</summary>
    public static void ValidateChoices(EmbeddedSignedContent content, SignatureEncoding encoding, string optionsName)
    {
        if (!Enum.IsDefined(content))
        {
            throw OptionsErrors.Invalid($"{optionsName}.SignedContent is not a defined EmbeddedSignedContent value.");
        }

        if (!Enum.IsDefined(encoding))
        {
            throw OptionsErrors.Invalid($"{optionsName}.Encoding is not a defined SignatureEncoding value.");
        }
    }

    /// <summary>Verifies the signature of <paramref name="body"/>.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="signed">Where the signed member is, for checks that follow (such as a timestamp inside it).</param>
    /// <returns>The result; never throws because of what the body contains.</returns>
    public WebhookVerificationResult Verify(ReadOnlySpan<byte> body, out JsonMemberLocation signed)
    {
        JsonObjectStatus status = JsonObjectMembers.Locate(
            body, ReaderOptions, _signatureName, _signedName, out JsonMemberLocation signature, out signed, out _);

        switch (status)
        {
            case JsonObjectStatus.NotJson:
                return Failed(WebhookVerificationFailureReason.MalformedBody, "The body is not well-formed JSON.");
            case JsonObjectStatus.NotAnObject:
                return Failed(WebhookVerificationFailureReason.MalformedBody, "The body is not a JSON object.");
        }

        if (signature.Count == 0)
        {
            return Failed(WebhookVerificationFailureReason.MissingCredential, $"The body has no \"{_signatureNameText}\" member.");
        }

        if (signature.Count > 1)
        {
            return Failed(
                WebhookVerificationFailureReason.AmbiguousCredential,
                $"The body has more than one \"{_signatureNameText}\" member.");
        }

        if (signature.ValueType != JsonTokenType.String)
        {
            return Failed(
                WebhookVerificationFailureReason.MalformedCredential,
                $"The \"{_signatureNameText}\" member is not a string.");
        }

        if (SignedContentReader.SignsMember(_content) && FindSignedMemberProblem(signed) is string problem)
        {
            return Failed(WebhookVerificationFailureReason.MalformedBody, problem);
        }

        Span<byte> presented = stackalloc byte[SignatureText.SignatureLength];
        if (ReadSignature(signature.Value(body), presented) is WebhookVerificationResult malformed)
        {
            return malformed;
        }

        return Matches(body, signature, signed, presented)
            ? WebhookVerificationResult.Verified
            : Failed(
                WebhookVerificationFailureReason.InvalidCredential,
                $"The \"{_signatureNameText}\" member matches the signature of none of the configured secrets.");
    }

    private static WebhookVerificationResult Failed(WebhookVerificationFailureReason reason, string detail) =>
        WebhookVerificationResult.Failed(reason, detail);

    private string? FindSignedMemberProblem(in JsonMemberLocation signed) =>
        signed.Count == 0 ? $"The body has no \"{_signedNameText}\" member, which is what the signature signs."
        : signed.Count > 1 ? $"The body has more than one \"{_signedNameText}\" member, so which one is signed would be ambiguous."
        : null;

    // Unescapes and decodes the signature string; returns a failure, or null when presented holds the signature.
    private WebhookVerificationResult? ReadSignature(ReadOnlySpan<byte> token, Span<byte> presented)
    {
        if (token.Length <= 2)
        {
            return Failed(WebhookVerificationFailureReason.MissingCredential, $"The \"{_signatureNameText}\" member is empty.");
        }

        if (token.Length > SignatureText.MaxTokenLength)
        {
            return Malformed();
        }

        Span<byte> text = stackalloc byte[SignatureText.MaxTokenLength];
        return SignatureText.TryUnescape(token, ReaderOptions, text, out int length) && SignatureText.TryDecode(text[..length], _encoding, presented)
            ? null
            : Malformed();

        WebhookVerificationResult Malformed() => Failed(
            WebhookVerificationFailureReason.MalformedCredential,
            $"The \"{_signatureNameText}\" member is not an HMAC-SHA256 signature written as {SignatureText.Describe(_encoding)}.");
    }

    private bool Matches(ReadOnlySpan<byte> body, in JsonMemberLocation signature, in JsonMemberLocation signed, ReadOnlySpan<byte> presented)
    {
        if (_content == EmbeddedSignedContent.MemberValue)
        {
            return Matcher(presented, signed.Value(body), _keys);
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        try
        {
            ReadOnlySpan<byte> content = SignedContentReader.Get(body, signature, signed, _content, ReaderOptions, scratch);
            return Matcher(presented, content, _keys);
        }
        finally
        {
            // Stryker disable once Statement : equivalent. Memory only: a buffer not returned to the shared pool is collected instead.
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
