using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>Writes values the way the matching <see cref="JsonValueReaders"/> read them back.</summary>
internal static class JsonValueWriters
{
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    public static void WriteUnixMilliseconds(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds());

    public static void WriteDate(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, JsonSerializerOptions options, JsonValueWriter<T> writeItem)
    {
        writer.WriteStartArray();
        for (int i = 0; i < items.Count; i++)
        {
            writeItem(writer, items[i], options);
        }

        writer.WriteEndArray();
    }

    public static void WriteExtensionData(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? extensionData)
    {
        if (extensionData is null)
        {
            return;
        }

        foreach (var member in extensionData)
        {
            writer.WritePropertyName(member.Key);
            member.Value.WriteTo(writer);
        }
    }
}
