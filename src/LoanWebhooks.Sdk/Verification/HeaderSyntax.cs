using System;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>The bits of HTTP header grammar (RFC 9110) that verifiers and their options need.</summary>
internal static class HeaderSyntax
{
    // Optional whitespace around a field value is not part of the value (RFC 9110 §5.5); servers usually
    // strip it already, but a verifier should not depend on the host to agree on a credential.
    internal static ReadOnlySpan<char> TrimWhitespace(ReadOnlySpan<char> value) => value.Trim(" \t");

    internal static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            // Stryker disable once Boolean : equivalent. Every caller refuses a null, empty or whitespace name before asking whether it is a token.
            return false;
        }

        foreach (char c in value)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    // Secrets outside printable ASCII do not survive HTTP intact: servers reject or re-decode such bytes,
    // so a secret that uses them could never match and is better refused when it is configured.
    internal static bool IsPrintableAscii(string value)
    {
        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
