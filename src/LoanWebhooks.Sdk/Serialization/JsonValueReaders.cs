using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>
/// Reads one JSON value of the type a schema declares, positioned on that value. A value of the wrong
/// JSON type, or out of range, is a <see cref="SchemaViolationException"/>; never a silent default.
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValueReaders
{
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private static readonly string[] OffsetDateTimeFormats =
    {
        // PostgreSQL's text form, as Canopy sends it: "9999-12-31 11:59:59+00".
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    };

    private const int DateLength = 10;

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static readonly char[] OffsetSigns = { '+', '-' };

    private static readonly string[] OffsetFormats = { "hh", "hh\\:mm", "hhmm" };

    private static readonly string[] LocalDateTimeFormats =
    {
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
    };

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SchemaViolationException">The value is not a string.</exception>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        return JsonStringText.Read(ref reader);
    }

    /// <summary>Checks the value is a string without materialising it (the parser already read the discriminator).</summary>
    public static void SkipString(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.String, "a string");

    /// <summary>Like <see cref="SkipString"/>, for a discriminator the provider may leave out: JSON null says the same as leaving it out.</summary>
    public static void SkipStringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Null)
        {
            Expect(ref reader, JsonTokenType.String, "a string or null");
        }
    }

    /// <summary>Reads an integer that fits a <see cref="long"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SchemaViolationException">The value is not such an integer.</exception>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "an integer");
        if (!reader.TryGetInt64(out long value))
        {
            throw new SchemaViolationException("Expected an integer within the 64-bit range.");
        }

        return value;
    }

    /// <summary>Reads a number as a <see cref="decimal"/>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SchemaViolationException">The value is not a number a decimal holds.</exception>
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        if (!reader.TryGetDecimal(out decimal value))
        {
            throw new SchemaViolationException("Expected a number within the decimal range.");
        }

        return value;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The value.</returns>
    /// <exception cref="SchemaViolationException">The value is not a boolean.</exception>
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw SchemaViolationException.UnexpectedToken("a boolean", reader.TokenType),
    };

    /// <summary>
    /// A boolean that some payloads send as a string (Canopy's <c>is_active_scra</c> arrives as <c>false</c> and as
    /// <c>"false"</c>). Only "true"/"false" in any case are accepted; any other string is a schema mismatch.
    /// </summary>
    public static bool ReadCoercedBoolean(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => throw SchemaViolationException.UnexpectedToken("a boolean or \"true\"/\"false\"", reader.TokenType),
            };
        }

        if (JsonStringText.TextEquals(ref reader, "true"u8) || JsonStringText.TextEquals(ref reader, "false"u8))
        {
            return JsonStringText.TextEquals(ref reader, "true"u8);
        }

        string text = JsonStringText.Read(ref reader);
        return bool.TryParse(text, out bool value) && text.Trim().Length == text.Length
            ? value
            : throw new SchemaViolationException("Expected a boolean or the string \"true\" or \"false\".");
    }

    /// <summary>
    /// An identifier a provider sends as a string in one payload and a number in another (Canopy's line item
    /// <c>line_item_id</c>): the string as sent, or the number's JSON text exactly as sent (no leading zeros lost
    /// to a conversion, no reformatting).
    /// </summary>
    public static string ReadCoercedString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => JsonStringText.Read(ref reader),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw SchemaViolationException.UnexpectedToken("a string or a number", reader.TokenType),
    };

    /// <summary>ISO 8601 with an offset, or the <c>yyyy-MM-dd HH:mm:ss+zz</c> form. A time without an offset is rejected: it would be ambiguous.</summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date-time string");
        if (TryReadDateTimeOffset(ref reader, out var value))
        {
            return value;
        }

        throw new SchemaViolationException(IsOutOfRange(JsonStringText.Read(ref reader))
            ? "The date-time is out of range: with its UTC offset applied, the instant falls outside what DateTimeOffset can hold."
            : "Expected an ISO 8601 date-time with a UTC offset.");
    }

    /// <summary>The non-throwing core of <see cref="ReadDateTimeOffset"/>; the reader is on a string.</summary>
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (TryGetIsoDateTimeOffset(ref reader, out value) && HasOffset(ref reader))
        {
            return true;
        }

        return DateTimeOffset.TryParseExact(JsonStringText.Read(ref reader), OffsetDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// Error path only: whether <paramref name="text"/> is a date-time with an offset in an accepted form whose UTC
    /// instant falls outside <see cref="DateTimeOffset"/>'s range (Canopy's far-future sentinel in a western offset,
    /// <c>9999-12-31 23:59:59-08</c>), so the error can say so instead of blaming the format.
    /// </summary>
    internal static bool IsOutOfRange(string text)
    {
        int sign = text.LastIndexOfAny(OffsetSigns);
        if (sign <= DateLength
            || !TimeSpan.TryParseExact(text.AsSpan(sign + 1), OffsetFormats, CultureInfo.InvariantCulture, out var offset)
            || offset > MaxOffset
            || !DateTime.TryParseExact(text.AsSpan(0, sign), LocalDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        long utcTicks = text[sign] == '+' ? local.Ticks - offset.Ticks : local.Ticks + offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks;
    }

    /// <summary>Reads epoch milliseconds (<c>x-time-encoding: unix-ms</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="SchemaViolationException">The value is not an integer in range.</exception>
    public static DateTimeOffset ReadUnixMilliseconds(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "epoch milliseconds");
        if (!reader.TryGetInt64(out long milliseconds) || milliseconds < MinUnixMilliseconds || milliseconds > MaxUnixMilliseconds)
        {
            throw new SchemaViolationException("Expected epoch milliseconds within the DateTimeOffset range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>Reads a <c>yyyy-MM-dd</c> date (<c>format: date</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>The date.</returns>
    /// <exception cref="SchemaViolationException">The value is not such a date.</exception>
    public static DateOnly ReadDate(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a date string");
        bool parsed = reader.ValueIsEscaped || reader.HasValueSequence
            ? TryParseDate(JsonStringText.Read(ref reader).AsSpan(), out var value)
            : TryParseDate(reader.ValueSpan, out value);
        return parsed ? value : throw new SchemaViolationException("Expected a date in the form yyyy-MM-dd.");
    }

    /// <summary>
    /// Exactly <c>yyyy-MM-dd</c> in ASCII digits, a real calendar date (what <c>DateOnly.TryParseExact</c> with that
    /// format accepts), parsed by hand: the culture-aware parser took half the time of a whole Payitoff event.
    /// </summary>
    internal static bool TryParseDate<TChar>(ReadOnlySpan<TChar> text, out DateOnly value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = default;
        if (text.Length != 10 || text[4] != TChar.CreateTruncating('-') || text[7] != TChar.CreateTruncating('-'))
        {
            return false;
        }

        if (!TryParseDigits(text[..4], out int year) || !TryParseDigits(text.Slice(5, 2), out int month) || !TryParseDigits(text.Slice(8, 2), out int day)
            || year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryParseDigits<TChar>(ReadOnlySpan<TChar> digits, out int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        foreach (TChar c in digits)
        {
            int digit = int.CreateTruncating(c) - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>Reads any value as a <see cref="JsonElement"/> (free-form data).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <returns>A copy of the value.</returns>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array, each item with <paramref name="readItem"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="options">The serializer options.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The items.</returns>
    /// <exception cref="SchemaViolationException">The value is not an array, or an item does not fit.</exception>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, JsonValueReader<T> readItem)
    {
        Expect(ref reader, JsonTokenType.StartArray, "an array");
        var items = new List<T>();
        int index = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(readItem(ref reader, options));
                index++;
            }
        }
        catch (SchemaViolationException e) when (e.PrependIndex(index))
        {
            throw;
        }

        return items;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string description)
    {
        if (reader.TokenType != expected)
        {
            throw SchemaViolationException.UnexpectedToken(description, reader.TokenType);
        }
    }

    // Utf8JsonReader unescapes before parsing and throws where an escape is an unpaired surrogate: not a date-time.
    private static bool TryGetIsoDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        try
        {
            return reader.TryGetDateTimeOffset(out value);
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }

    // Utf8JsonReader accepts "2023-01-30T13:23:00" (no offset) as local time; a webhook timestamp without an offset is ambiguous.
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (span.Length == 0)
        {
            return false;
        }

        byte last = span[^1];
        if (last == (byte)'Z' || last == (byte)'z')
        {
            return true;
        }

        // "+hh:mm" / "-hh:mm" at the end, after the time part.
        return span.Length >= 6 && (span[^6] == (byte)'+' || span[^6] == (byte)'-') && span[^3] == (byte)':' && span.IndexOf((byte)'T') > 0;
    }
}
