using System;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Events;

/// <summary>
/// Typed, never-throwing access to the free-form JSON members the SDK keeps as <see cref="JsonElement"/>
/// (receeve <c>meta</c>/<c>context</c>, Canopy change values, extension data…). Each accessor returns null
/// when the member is absent, JSON null, or of another JSON type, instead of throwing like
/// <see cref="JsonElement.GetString"/> and friends do; none throws for any JSON value the SDK's parser accepts.
/// </summary>
public static class WebhookJsonElementExtensions
{
    /// <summary>
    /// The value as a string when it is a JSON string. An escaped unpaired surrogate (<c>"Main St \ud800"</c>, which
    /// JSON allows but no UTF-8 text can hold) comes back as U+FFFD, the replacement character, where
    /// <see cref="JsonElement.GetString"/> would throw; the rest of the text is kept, and the exact escape stays in
    /// <see cref="JsonElement.GetRawText"/> and the event's raw JSON.
    /// </summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The string, or null for any other JSON type (and for a string whose raw bytes are not UTF-8, which the SDK's parser never produces).</returns>
    public static string? AsString(this JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return ReadRawString(value);
        }
    }

    /// <summary>The value as a 64-bit integer when it is a JSON number that fits.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The integer, or null.</returns>
    public static long? AsInt64(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long result) ? result : null;

    /// <summary>The value as a decimal when it is a JSON number that fits.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The decimal, or null.</returns>
    public static decimal? AsDecimal(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal result) ? result : null;

    /// <summary>The value as a boolean when it is JSON true or false.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The boolean, or null.</returns>
    public static bool? AsBoolean(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>
    /// The value as a timestamp when it is a string holding an ISO 8601 date-time with an offset (or the
    /// <c>yyyy-MM-dd HH:mm:ss+zz</c> form Canopy sends). A time without an offset is ambiguous and gives null; so
    /// does one whose UTC instant is outside <see cref="DateTimeOffset"/>'s range (<c>9999-12-31 23:59:59-08</c>)
    /// and any string that is not a date-time, an unpaired surrogate escape included.
    /// </summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The timestamp, or null.</returns>
    public static DateTimeOffset? AsDateTimeOffset(this JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value.GetRawText()));
        reader.Read();
        try
        {
            return JsonValueReaders.TryReadDateTimeOffset(ref reader, out var result) ? result : null;
        }
        catch (InvalidOperationException)
        {
            // Raw bytes that are not UTF-8: only a document built outside the SDK's parser can hold them.
            return null;
        }
    }

    /// <summary>The last member named <paramref name="name"/>, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it, skipping names no UTF-16 text can equal.</summary>
    private static bool TryFindMemberOneByOne(JsonElement value, string name, out JsonElement member)
    {
        member = default;
        bool found = false;
        foreach (var property in value.EnumerateObject())
        {
            bool equals;
            try
            {
                equals = property.NameEquals(name);
            }
            catch (InvalidOperationException)
            {
                equals = false;
            }

            if (equals)
            {
                member = property.Value;
                found = true;
            }
        }

        return found;
    }

    private static string? ReadRawString(JsonElement value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value.GetRawText()));
        reader.Read();
        try
        {
            return JsonStringText.Read(ref reader);
        }
        catch (InvalidOperationException)
        {
            // Raw bytes that are not UTF-8: only a document built outside the SDK's parser can hold them.
            return null;
        }
    }

    /// <summary>The member <paramref name="name"/> of an object, when present and not JSON null.</summary>
    /// <param name="value">The JSON value; anything but an object has no members.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The member's value, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public static JsonElement? GetMemberOrNull(this JsonElement value, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        JsonElement member;
        try
        {
            if (!value.TryGetProperty(name, out member))
            {
                return null;
            }
        }
        catch (ArgumentException)
        {
            // The name holds an unpaired surrogate: the framework cannot turn it into UTF-8 to compare, and no
            // member name the SDK reads as UTF-8 can equal it.
            return null;
        }
        catch (InvalidOperationException)
        {
            // Some member's name is an escaped unpaired surrogate, which the framework's lookup cannot unescape.
            if (!TryFindMemberOneByOne(value, name, out member))
            {
                return null;
            }
        }

        return member.ValueKind != JsonValueKind.Null ? member : null;
    }

    /// <summary>The member <paramref name="name"/> as a string (see <see cref="AsString"/>).</summary>
    /// <param name="value">The JSON object.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The string, or null.</returns>
    public static string? GetStringOrNull(this JsonElement value, string name) => value.GetMemberOrNull(name)?.AsString();

    /// <summary>The member <paramref name="name"/> as a 64-bit integer (see <see cref="AsInt64"/>).</summary>
    /// <param name="value">The JSON object.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The integer, or null.</returns>
    public static long? GetInt64OrNull(this JsonElement value, string name) => value.GetMemberOrNull(name)?.AsInt64();

    /// <summary>The member <paramref name="name"/> as a decimal (see <see cref="AsDecimal"/>).</summary>
    /// <param name="value">The JSON object.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The decimal, or null.</returns>
    public static decimal? GetDecimalOrNull(this JsonElement value, string name) => value.GetMemberOrNull(name)?.AsDecimal();

    /// <summary>The member <paramref name="name"/> as a boolean (see <see cref="AsBoolean"/>).</summary>
    /// <param name="value">The JSON object.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The boolean, or null.</returns>
    public static bool? GetBooleanOrNull(this JsonElement value, string name) => value.GetMemberOrNull(name)?.AsBoolean();

    /// <summary>The member <paramref name="name"/> as a timestamp (see <see cref="AsDateTimeOffset"/>).</summary>
    /// <param name="value">The JSON object.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The timestamp, or null.</returns>
    public static DateTimeOffset? GetDateTimeOffsetOrNull(this JsonElement value, string name) => value.GetMemberOrNull(name)?.AsDateTimeOffset();
}
