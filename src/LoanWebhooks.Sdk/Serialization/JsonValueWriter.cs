using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>Writes one value (used for list items by generated converters).</summary>
internal delegate void JsonValueWriter<T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);
