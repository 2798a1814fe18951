using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>Reads the value the reader is positioned on (used for list items by generated converters).</summary>
internal delegate T JsonValueReader<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);
