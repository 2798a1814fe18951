using System;
using System.Collections.Generic;

namespace LoanWebhooks.Tool;

/// <summary>
/// Signs in a captured body that something between the provider and the capture rewrote it: the most common reason a
/// signature that "should" match does not. Each hint names a shape of the bytes, never a value from them.
/// </summary>
internal static class ReserialisationHints
{
    /// <summary>Characters System.Text.Json's default encoder escapes as <c>\uXXXX</c> although JSON does not require it.</summary>
    private static readonly string[] DefaultEncoderEscapes = { "\\u0026", "\\u003C", "\\u003E", "\\u0027", "\\u002B", "\\u0022", "\\u0060" };

    public static IReadOnlyList<string> Find(ReadOnlySpan<byte> body)
    {
        var hints = new List<string>();
        string text = System.Text.Encoding.UTF8.GetString(body);
        if (HasDefaultEncoderEscapes(text) || HasEscapedNonAscii(text))
        {
            hints.Add("the body has \\uXXXX escapes of characters JSON allows as they are (&, <, >, ', +, \" or non-ASCII letters), the way System.Text.Json writes by default: it was probably re-serialised by a .NET app, a proxy or a logger. Capture the raw request bytes instead.");
        }

        if (text.Contains("\r\n", StringComparison.Ordinal))
        {
            hints.Add("the body has CRLF line endings: an editor, a copy from a terminal or a checkout with autocrlf may have changed the provider's LF to CRLF.");
        }

        if (IsIndented(text))
        {
            hints.Add("the body is indented across lines: if the provider sends compact JSON, a framework, a logger or a pretty-printer re-formatted it before it was captured.");
        }

        return hints;
    }

    private static bool HasDefaultEncoderEscapes(string text)
    {
        foreach (string escape in DefaultEncoderEscapes)
        {
            if (text.Contains(escape, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>\u00E9</c>-style escapes of letters outside ASCII (control characters must be escaped, so they do not count).</summary>
    private static bool HasEscapedNonAscii(string text)
    {
        for (int i = text.IndexOf("\\u", StringComparison.Ordinal); i >= 0 && i + 6 <= text.Length; i = text.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            if (IsEscapedBackslash(text, i))
            {
                continue;
            }

            if (int.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out int code)
                && code >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the backslash at <paramref name="index"/> is itself escaped (preceded by an odd number of backslashes).</summary>
    private static bool IsEscapedBackslash(string text, int index)
    {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    /// <summary>A line that starts with a space or a tab: compact JSON has none, a pretty-printer's output has many.</summary>
    private static bool IsIndented(string text) =>
        text.Contains("\n ", StringComparison.Ordinal) || text.Contains("\n\t", StringComparison.Ordinal);
}
