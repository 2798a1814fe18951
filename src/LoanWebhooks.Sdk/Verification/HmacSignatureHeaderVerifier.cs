using System;
using System.Security.Cryptography;
using System.Text;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Verifies an HMAC-SHA256 of the raw request body carried in a header, under any of the configured secrets.
/// A building block for providers of your own; none of the SDK's built-in providers signs this way.
/// </summary>
/// <remarks>
/// The signature covers the exact bytes received, so it proves both who sent the body and that nobody changed it.
/// Every configured secret is tried, in constant time and without an early exit.
/// </remarks>
public sealed class HmacSignatureHeaderVerifier : IWebhookVerifier
{
    // Longer than any hex or base64 HMAC-SHA256 plus a short prefix: a longer header is refused before decoding.
    private const int MaxHeaderLength = 256;

    private readonly string _headerName;
    private readonly string _prefix;
    private readonly SignatureEncoding _encoding;
    private readonly byte[][] _keys;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The header, secrets, encoding and prefix.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The header name is empty or not a valid HTTP header name, the encoding is not defined, the prefix is not
    /// printable ASCII, there is no secret, or a secret is empty or surrounded by whitespace. The message never
    /// contains a secret.
    /// </exception>
    public HmacSignatureHeaderVerifier(HmacSignatureHeaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string path = nameof(HmacSignatureHeaderOptions);
        if (string.IsNullOrWhiteSpace(options.HeaderName) || !HeaderSyntax.IsToken(options.HeaderName))
        {
            throw OptionsErrors.Invalid($"{path}.HeaderName must name the header that carries the signature, with letters, digits and '-'.");
        }

        if (!Enum.IsDefined(options.Encoding))
        {
            throw OptionsErrors.Invalid($"{path}.Encoding is not a SignatureEncoding.");
        }

        if (options.Prefix is null || (options.Prefix.Length > 0 && !HeaderSyntax.IsPrintableAscii(options.Prefix)) || options.Prefix.Length > 32)
        {
            throw OptionsErrors.Invalid($"{path}.Prefix must be at most 32 printable ASCII characters, or empty.");
        }

        _keys = HmacSecrets.ToKeys(options.Secrets, $"{path}.Secrets");
        _headerName = options.HeaderName;
        _prefix = options.Prefix;
        _encoding = options.Encoding;
    }

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request.Headers.FindSingleValue(_headerName, out string value))
        {
            case WebhookHeaderLookup.Missing:
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MissingCredential, $"The request has no {_headerName} header.");
            case WebhookHeaderLookup.Ambiguous:
                return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.AmbiguousCredential, $"The request has more than one {_headerName} header, with different values.");
        }

        ReadOnlySpan<char> presented = HeaderSyntax.TrimWhitespace(value);
        if (presented.IsEmpty)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MissingCredential, $"The {_headerName} header is empty.");
        }

        if (!presented.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Malformed($"The {_headerName} header does not start with the configured prefix.");
        }

        ReadOnlySpan<char> text = presented[_prefix.Length..];
        Span<byte> textBytes = stackalloc byte[MaxHeaderLength];
        if (text.Length > MaxHeaderLength || text.ContainsAnyExceptInRange((char)0x20, (char)0x7E))
        {
            return Malformed($"The {_headerName} header is not a signature in {SignatureText.Describe(_encoding)}.");
        }

        int length = Encoding.ASCII.GetBytes(text, textBytes);
        Span<byte> signature = stackalloc byte[SignatureText.SignatureLength];
        if (!SignatureText.TryDecode(textBytes[..length], _encoding, signature))
        {
            return Malformed($"The {_headerName} header is not a signature in {SignatureText.Describe(_encoding)}.");
        }

        bool matched = ConstantTimeSecrets.MatchesAnySignature(signature, request.Body.Span, _keys);
        // Stryker disable once Statement : equivalent. Hygiene: clears credential bytes nothing reads again; no result or timing depends on it.
        CryptographicOperations.ZeroMemory(signature);
        return matched
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailureReason.InvalidCredential, $"The {_headerName} signature matches the body under none of the configured secrets.");
    }

    private static WebhookVerificationResult Malformed(string detail) =>
        WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MalformedCredential, detail);
}
