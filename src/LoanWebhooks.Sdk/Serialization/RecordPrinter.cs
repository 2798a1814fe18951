using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>
/// Formatting for generated <c>ToString()</c>: sensitive members print as <c>***</c>, free-form JSON
/// and extension data print their shape only, so a logged event never carries personal data that
/// the schema did not vet.
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RecordPrinter
{
    internal const string Redacted = "***";

    /// <summary>Prints a sensitive member (<c>x-sensitive</c>): never its value.</summary>
    /// <param name="builder">The text so far.</param>
    /// <param name="value">The value, printed only as null or redacted.</param>
    public static void AppendSensitive(StringBuilder builder, object? value) =>
        builder.Append(value is null ? "null" : Redacted);

    /// <summary>Prints a member's value for a record's <c>ToString()</c>.</summary>
    /// <param name="builder">The text so far.</param>
    /// <param name="value">The value.</param>
    public static void AppendValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string text:
                builder.Append(text);
                break;
            case JsonElement element:
                // Free-form members are not vetted by a schema; print their kind only.
                builder.Append("JsonElement(").Append(element.ValueKind).Append(')');
                break;
            case DateTimeOffset timestamp:
                builder.Append(timestamp.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                builder.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                builder.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                builder.Append("[ ");
                bool first = true;
                foreach (object? item in items)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    AppendValue(builder, item);
                    first = false;
                }

                builder.Append(first ? "]" : " ]");
                break;
            default:
                builder.Append(value);
                break;
        }
    }

    /// <summary>Prints the names (never the values) of members a record kept without knowing them.</summary>
    /// <param name="builder">The text so far.</param>
    /// <param name="extensionData">The members, by name.</param>
    public static void AppendExtensionData(StringBuilder builder, IReadOnlyDictionary<string, JsonElement>? extensionData)
    {
        // Only the member count: names and values are unvetted and may be personal data.
        builder.Append(extensionData is null ? "(none)" : extensionData.Count.ToString(CultureInfo.InvariantCulture) + " member(s)");
    }
}
