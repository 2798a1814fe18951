using System;
using System.Buffers;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// Guesses where a member's string value is among the last members of the root object, without running the
/// tokenizer: Canopy puts its discriminator <c>event</c> after a large <c>data</c>, where the full scan
/// (<see cref="JsonMemberScanner"/>) would tokenize the whole body before the converter reads it again. Only the plain
/// form is recognised — JSON whitespace, strings without escapes or control characters, no comments; anything else
/// answers "not found" and the caller scans.
/// </summary>
internal static class JsonMemberGuess
{
    /// <summary>How far back <see cref="TryFindTrailing"/> looks; Canopy needs two, Spinwheel up to three.</summary>
    private const int MaxTrailingMembers = 8;

    /// <summary>Bytes that end the plain part of a string: the quote, a backslash, control characters.</summary>
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    /// <summary>
    /// Looks for the member <paramref name="name"/> among the last members of the root object, walking back
    /// over members whose values are plain strings (<c>, "event": "x", "hmac_signature": "y" }</c>).
    /// A guess, not an answer: text inside a comment can look like members. The guess is right whenever the
    /// body is a single JSON object without comments and without duplicate member names — which a strict
    /// read of a known event proves (its converter rejects duplicates) — because then every quote this walk
    /// accepts as a delimiter is one: a quote inside a string is always preceded by a backslash, and the walk
    /// accepts neither a backslash inside a string nor one right before an opening quote.
    /// </summary>
    public static bool TryFindTrailing(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, out ScanResult result)
    {
        result = default;
        int i = SkipWhitespaceBack(body, body.Length - 1);
        // Stryker disable once Equality : equivalent. A '}' at index 0 has nothing before it, so the walk finds no member either way.
        if (i < 0 || body[i] != (byte)'}')
        {
            return false;
        }

        i = SkipWhitespaceBack(body, i - 1);
        // Stryker disable once Equality : equivalent. A ',' at index 0 has nothing before it, so skipped or not, the next string read fails.
        if (i >= 0 && body[i] == (byte)',')
        {
            // A trailing comma, which the reader options allow.
            i--;
        }

        for (int member = 0; member < MaxTrailingMembers; member++)
        {
            if (!TryReadStringBack(body, ref i, out int valueStart, out int valueLength)
                || !TryReadByteBack(body, ref i, (byte)':')
                || !TryReadStringBack(body, ref i, out int nameStart, out int nameLength))
            {
                return false;
            }

            // Only a member separator or the start of the object may come before a member name.
            i = SkipWhitespaceBack(body, i);
            bool isFirst = i >= 0 && body[i] == (byte)'{';
            // Stryker disable once Equality : equivalent. A ',' at index 0 means the body does not start with '{', so the strict read refuses whatever the guess finds.
            if (!isFirst && (i < 0 || body[i] != (byte)','))
            {
                return false;
            }

            if (body.Slice(nameStart, nameLength).SequenceEqual(name))
            {
                result = new ScanResult(ScanStatus.Found, valueStart, valueLength);
                return true;
            }

            if (isFirst)
            {
                return false;
            }

            i--;
        }

        return false;
    }

    private static bool TryReadByteBack(ReadOnlySpan<byte> body, ref int i, byte expected)
    {
        i = SkipWhitespaceBack(body, i);
        // Stryker disable once Equality : equivalent. At index 0 nothing precedes the byte, and every caller next reads a string before it, which then fails.
        if (i < 0 || body[i] != expected)
        {
            return false;
        }

        i--;
        return true;
    }

    /// <summary>Reads <c>"text"</c> ending at <paramref name="i"/> (before whitespace), backwards; the text has no backslashes or control characters.</summary>
    private static bool TryReadStringBack(ReadOnlySpan<byte> body, ref int i, out int start, out int length)
    {
        start = length = 0;
        if (!TryReadByteBack(body, ref i, (byte)'"'))
        {
            return false;
        }

        // A quote after a backslash is escaped (or follows an escaped backslash): never an opening quote.
        int open = body[..(i + 1)].LastIndexOfAny(StringSpecials);
        // Stryker disable once Equality,Arithmetic : equivalent. A string opening at index 0 leaves nothing for the ':', ',' or '{' the walk needs next; a backslash before the quote is none of those either, so this check only refuses sooner.
        if (open < 0 || body[open] != (byte)'"' || (open > 0 && body[open - 1] == (byte)'\\'))
        {
            return false;
        }

        start = open + 1;
        length = i - open;
        i = open - 1;
        return true;
    }

    private static int SkipWhitespaceBack(ReadOnlySpan<byte> body, int i)
    {
        // Stryker disable once Equality : equivalent. Whitespace left at index 0 is not the '}', ',', '{', ':' or '"' any caller checks next, so it refuses as running past the start does.
        while (i >= 0 && IsWhitespace(body[i]))
        {
            i--;
        }

        return i;
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
