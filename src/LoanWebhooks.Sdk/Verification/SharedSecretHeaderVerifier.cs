using System;
using System.Globalization;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Verifies that a request carries, in a configured header, one of the configured shared secrets.
/// </summary>
/// <remarks>
/// A shared secret proves only that the sender knows it; it does not protect the body against tampering,
/// so use it over HTTPS only, and prefer a body signature where the provider offers one.
/// </remarks>
public sealed class SharedSecretHeaderVerifier : IWebhookVerifier
{
    private readonly string _headerName;
    private readonly byte[][] _secretDigests;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The header name and accepted secrets.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The header name is empty or not a valid HTTP header name, there is no secret, or a secret is empty,
    /// surrounded by whitespace or not printable ASCII. The message names the offending entry by index and
    /// never contains a secret.
    /// </exception>
    public SharedSecretHeaderVerifier(SharedSecretHeaderOptions options)
        : this(options, nameof(SharedSecretHeaderOptions))
    {
    }

    /// <summary>Creates a verifier whose configuration errors name the options as <paramref name="optionsPath"/>.</summary>
    internal SharedSecretHeaderVerifier(SharedSecretHeaderOptions options, string optionsPath)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (string.IsNullOrWhiteSpace(options.HeaderName))
        {
            throw new ArgumentException(
                $"{optionsPath}.HeaderName must name the header that carries the secret.",
                nameof(options));
        }

        // The name is not echoed: a misconfiguration could have put a secret into it.
        if (!HeaderSyntax.IsToken(options.HeaderName))
        {
            throw new ArgumentException(
                $"{optionsPath}.HeaderName is not a valid HTTP header name; use letters, digits and '-'.",
                nameof(options));
        }

        if (options.Secrets.Count == 0)
        {
            throw new ArgumentException(
                $"{optionsPath}.Secrets must contain at least one secret.",
                nameof(options));
        }

        var digests = new byte[options.Secrets.Count][];
        for (int i = 0; i < digests.Length; i++)
        {
            string secret = options.Secrets[i];
            if (FindSecretProblem(secret) is string problem)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{optionsPath}.Secrets[{i}] {problem}."),
                    nameof(options));
            }

            digests[i] = ConstantTimeSecrets.Digest(secret);
        }

        _headerName = options.HeaderName;
        _secretDigests = digests;
    }

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        switch (request.Headers.FindSingleValue(_headerName, out string value))
        {
            case WebhookHeaderLookup.Missing:
                return WebhookVerificationResult.Failed(
                    WebhookVerificationFailureReason.MissingCredential,
                    $"The request has no {_headerName} header.");
            case WebhookHeaderLookup.Ambiguous:
                return WebhookVerificationResult.Failed(
                    WebhookVerificationFailureReason.AmbiguousCredential,
                    $"The request has more than one {_headerName} header, with different values.");
        }

        ReadOnlySpan<char> presented = HeaderSyntax.TrimWhitespace(value);
        if (presented.IsEmpty)
        {
            return WebhookVerificationResult.Failed(
                WebhookVerificationFailureReason.MissingCredential,
                $"The {_headerName} header is empty.");
        }

        return ConstantTimeSecrets.MatchesAny(presented, _secretDigests)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(
                WebhookVerificationFailureReason.InvalidCredential,
                $"The {_headerName} header matches none of the configured secrets.");
    }

    // Describes what is wrong with a secret without quoting it, or returns null when it is usable.
    private static string? FindSecretProblem(string? secret) =>
        string.IsNullOrWhiteSpace(secret) ? "is null, empty or whitespace"
        : char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[^1]) ? "starts or ends with whitespace, which HTTP strips in transit, so it could never match"
        : !HeaderSyntax.IsPrintableAscii(secret) ? "contains a character other than printable ASCII, which an HTTP header cannot carry reliably"
        : null;
}
