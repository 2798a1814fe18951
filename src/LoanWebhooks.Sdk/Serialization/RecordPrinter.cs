using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>
/// Formatting for generated <c>ToString()</c>: sensitive members print as <c>***</c>, free-form JSON
/// and extension data print their shape only, so a logged event never carries personal data that
/// the schema did not vet.
/// </summary>
internal static class RecordPrinter
{
    public const string Redacted = "***";

    public static void AppendSensitive(StringBuilder builder, object? value) =>
        builder.Append(value is null ? "null" : Redacted);

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

    public static void AppendExtensionData(StringBuilder builder, IReadOnlyDictionary<string, JsonElement>? extensionData)
    {
        // Only the member count: names and values are unvetted and may be personal data.
        builder.Append(extensionData is null ? "(none)" : extensionData.Count.ToString(CultureInfo.InvariantCulture) + " member(s)");
    }
}
