using System;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Events;

/// <summary>
/// Typed, never-throwing access to the free-form JSON members the SDK keeps as <see cref="JsonElement"/>
/// (receeve <c>meta</c>/<c>context</c>, Canopy change values, extension data…). Each accessor returns null
/// when the member is absent, JSON null, or of another JSON type, instead of throwing like
/// <see cref="JsonElement.GetString"/> and friends do.
/// </summary>
public static class WebhookJsonElementExtensions
{
    /// <summary>The value as a string when it is a JSON string.</summary>
    /// <param name="value">The JSON value.</param>
    /// <returns>The string, or null for any other JSON type.</returns>
    public static string? AsString(this JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
    /// <c>yyyy-MM-dd HH:mm:ss+zz</c> form Canopy sends). A time without an offset is ambiguous and gives null.
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
        return JsonValueReaders.TryReadDateTimeOffset(ref reader, out var result) ? result : null;
    }

    /// <summary>The member <paramref name="name"/> of an object, when present and not JSON null.</summary>
    /// <param name="value">The JSON value; anything but an object has no members.</param>
    /// <param name="name">The member name, case-sensitive.</param>
    /// <returns>The member's value, or null.</returns>
    public static JsonElement? GetMemberOrNull(this JsonElement value, string name) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var member) && member.ValueKind != JsonValueKind.Null
            ? member
            : null;

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
