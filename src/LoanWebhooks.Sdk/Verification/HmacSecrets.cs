using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Validates configured webhook secrets and turns them into HMAC keys (their UTF-8 bytes).</summary>
internal static class HmacSecrets
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the key of every secret, in order.</summary>
    /// <param name="secrets">The configured secrets.</param>
    /// <param name="propertyPath">How the list is named in messages, e.g. <c>CanopySignatureOptions.Secrets</c>.</param>
    /// <exception cref="ArgumentException">
    /// The list is empty, or a secret is null, empty, whitespace, surrounded by whitespace or not valid Unicode.
    /// The message names the entry by index and never contains a secret.
    /// </exception>
    public static byte[][] ToKeys(IList<string> secrets, string propertyPath)
    {
        if (secrets.Count == 0)
        {
            throw OptionsErrors.Invalid($"{propertyPath} must contain at least one secret; with none, no request could ever be verified.");
        }

        var keys = new byte[secrets.Count][];
        for (int i = 0; i < keys.Length; i++)
        {
            string secret = secrets[i];
            if (FindProblem(secret) is string problem)
            {
                throw OptionsErrors.Invalid(string.Create(CultureInfo.InvariantCulture, $"{propertyPath}[{i}] {problem}."));
            }

            keys[i] = StrictUtf8.GetBytes(secret);
        }

        return keys;
    }

    // Describes what is wrong with a secret without quoting it, or returns null when it is usable.
    private static string? FindProblem(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            // An empty HMAC key is legal but signs with no secret at all.
            return "is null, empty or whitespace";
        }

        if (char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[^1]))
        {
            return "starts or ends with whitespace, which is almost always a copy-and-paste accident and would make every signature fail";
        }

        try
        {
            _ = StrictUtf8.GetByteCount(secret);
            return null;
        }
        catch (EncoderFallbackException)
        {
            // A lone surrogate would be keyed as U+FFFD, which is not the secret the provider holds.
            return "is not valid Unicode text";
        }
    }
}
