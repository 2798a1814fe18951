using System;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Verifies that a request carries, in its <c>Authorization</c> header, HTTP Basic credentials (RFC 7617)
/// that match one of the configured credentials.
/// </summary>
/// <remarks>
/// The credentials are decoded as UTF-8 and compared byte for byte, user name and password both in
/// constant time. Basic credentials travel in clear text, so use this over HTTPS only.
/// </remarks>
public sealed class BasicAuthenticationVerifier : IWebhookVerifier
{
    private const string AuthorizationHeader = "Authorization";
    private const string BasicScheme = "Basic";

    // Above this, the decoded credential goes to a pooled array rather than the stack.
    private const int StackDecodingLimit = 256;

    private readonly (byte[] UserName, byte[] Password)[] _credentialDigests;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The accepted credentials.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// There is no credential, or one of them is <see langword="null"/>. The message never contains a credential.
    /// </exception>
    public BasicAuthenticationVerifier(BasicAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.Credentials.Count == 0)
        {
            throw new ArgumentException(
                "BasicAuthenticationOptions.Credentials must contain at least one credential.",
                nameof(options));
        }

        var digests = new (byte[], byte[])[options.Credentials.Count];
        for (int i = 0; i < digests.Length; i++)
        {
            BasicAuthenticationCredential credential = options.Credentials[i]
                ?? throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"BasicAuthenticationOptions.Credentials[{i}] is null."),
                    nameof(options));

            // The credential validated itself when it was created, and it is immutable.
            digests[i] = (ConstantTimeSecrets.Digest(credential.UserName), ConstantTimeSecrets.Digest(credential.Password));
        }

        _credentialDigests = digests;
    }

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        switch (request.Headers.FindSingleValue(AuthorizationHeader, out string header))
        {
            case WebhookHeaderLookup.Missing:
                return Failed(WebhookVerificationFailureReason.MissingCredential, "The request has no Authorization header.");
            case WebhookHeaderLookup.Ambiguous:
                return Failed(
                    WebhookVerificationFailureReason.AmbiguousCredential,
                    "The request has more than one Authorization header, with different values.");
        }

        ReadOnlySpan<char> value = HeaderSyntax.TrimWhitespace(header);
        if (value.IsEmpty)
        {
            return Failed(WebhookVerificationFailureReason.MissingCredential, "The Authorization header is empty.");
        }

        int separator = value.IndexOfAny(' ', '\t');
        // Stryker disable once Equality : equivalent. The value is trimmed, so a space or tab is never at index 0.
        ReadOnlySpan<char> scheme = separator < 0 ? value : value[..separator];
        if (!scheme.Equals(BasicScheme, StringComparison.OrdinalIgnoreCase))
        {
            return Failed(
                WebhookVerificationFailureReason.MalformedCredential,
                "The Authorization header does not use the Basic scheme.");
        }

        // Stryker disable once Equality : equivalent. The value is trimmed, so a space or tab is never at index 0.
        ReadOnlySpan<char> token = separator < 0 ? default : HeaderSyntax.TrimWhitespace(value[separator..]);
        if (token.IsEmpty)
        {
            return Failed(
                WebhookVerificationFailureReason.MalformedCredential,
                "The Authorization header names the Basic scheme but carries no credential.");
        }

        return VerifyToken(token);
    }

    private static WebhookVerificationResult Failed(WebhookVerificationFailureReason reason, string detail) =>
        WebhookVerificationResult.Failed(reason, detail);

    private WebhookVerificationResult VerifyToken(ReadOnlySpan<char> token)
    {
        // Base64 yields at most 3 bytes per 4 characters; rounding up covers unpadded or odd lengths,
        // which the decoder then rejects.
        // Stryker disable once Arithmetic : equivalent. A larger buffer decodes the same bytes; only a smaller one would change the result.
        int maxLength = (token.Length / 4 + 1) * 3;
        byte[]? rented = null;
        // Stryker disable once Equality,Conditional : equivalent. Stack or pooled buffer, the decoded bytes are the same; the limit only bounds stack use.
        Span<byte> buffer = maxLength <= StackDecodingLimit
            ? stackalloc byte[StackDecodingLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        buffer = buffer[..maxLength];

        Span<byte> userNameDigest = stackalloc byte[ConstantTimeSecrets.DigestLength];
        Span<byte> passwordDigest = stackalloc byte[ConstantTimeSecrets.DigestLength];

        try
        {
            if (!Convert.TryFromBase64Chars(token, buffer, out int written))
            {
                return Failed(WebhookVerificationFailureReason.MalformedCredential, "The Basic credential is not valid base64.");
            }

            Span<byte> decoded = buffer[..written];

            // ':' (0x3A) never occurs inside a multi-byte UTF-8 sequence, so splitting the bytes is safe,
            // and splitting at the first one lets the password contain colons.
            int colon = decoded.IndexOf((byte)':');
            if (colon < 0)
            {
                return Failed(
                    WebhookVerificationFailureReason.MalformedCredential,
                    "The Basic credential has no ':' between user name and password.");
            }

            ConstantTimeSecrets.Digest(decoded[..colon], userNameDigest);
            ConstantTimeSecrets.Digest(decoded[(colon + 1)..], passwordDigest);
        }
        finally
        {
            // The buffer held a password; do not leave it behind in the stack or the shared pool.
            // Stryker disable once Statement : equivalent. Hygiene: clears credential bytes nothing reads again; no result or timing depends on it.
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                // Stryker disable once Statement : equivalent. Memory only: a buffer not returned to the shared pool is collected instead.
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return ConstantTimeSecrets.MatchesAnyPair(userNameDigest, passwordDigest, _credentialDigests)
            ? WebhookVerificationResult.Verified
            : Failed(
                WebhookVerificationFailureReason.InvalidCredential,
                "The Basic credential matches none of the configured user names and passwords.");
    }
}
