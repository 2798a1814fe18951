using System;
using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>
/// The text of a JSON string or member name, where an escaped unpaired surrogate (<c>"Main St \ud800"</c>) is
/// read as U+FFFD instead of making <see cref="Utf8JsonReader.GetString"/> throw. JSON allows such escapes
/// (RFC 8259 §8.2 leaves their meaning open) and System.Text.Json's tokenizer accepts them, but no UTF-8 string
/// can hold one; replacing just that code unit is what every UTF-8 decoder does with it, loses nothing else, and
/// the exact text stays in the event's raw JSON.
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonStringText
{
    /// <summary>Reads the string or member name the reader is on.</summary>
    /// <exception cref="InvalidOperationException">The token's raw bytes are not valid UTF-8 (the parser rejects those up front).</exception>
    public static string Read(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? ReadEscaped(ref reader) : reader.GetString()!;

    /// <summary>
    /// Whether the string or member name the reader is on equals <paramref name="utf8Text"/>; false, not an
    /// exception, when it holds an escaped unpaired surrogate, which no UTF-8 text equals.
    /// </summary>
    public static bool TextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text) =>
        reader.ValueIsEscaped ? EscapedTextEquals(ref reader, utf8Text) : reader.ValueTextEquals(utf8Text);

    private static bool EscapedTextEquals(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Text)
    {
        try
        {
            return reader.ValueTextEquals(utf8Text);
        }
        catch (InvalidOperationException) when (Utf8.IsValid(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan))
        {
            return false;
        }
    }

    private static string ReadEscaped(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            if (!Utf8.IsValid(raw))
            {
                throw;
            }

            return ReplaceUnpairedSurrogates(Unescape(raw));
        }
    }

    /// <summary>Unescapes a string the reader has already validated: every backslash starts a well-formed escape.</summary>
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            int backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                text.Append(Encoding.UTF8.GetString(raw));
                break;
            }

            // The backslash is ASCII, so the bytes before it end on a whole UTF-8 sequence.
            text.Append(Encoding.UTF8.GetString(raw[..backslash]));
            byte escape = raw[backslash + 1];
            if (escape == (byte)'u')
            {
                text.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(backslash + 2, 4)), 16));
                raw = raw[(backslash + 6)..];
                continue;
            }

            text.Append(escape switch
            {
                (byte)'b' => '\b',
                (byte)'f' => '\f',
                (byte)'n' => '\n',
                (byte)'r' => '\r',
                (byte)'t' => '\t',
                _ => (char)escape, // \" \\ \/
            });
            raw = raw[(backslash + 2)..];
        }

        return text.ToString();
    }

    private static string ReplaceUnpairedSurrogates(string text)
    {
        char[] chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
