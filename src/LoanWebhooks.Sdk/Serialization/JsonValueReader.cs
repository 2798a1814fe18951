using System.ComponentModel;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>Reads the value the reader is positioned on (used for list items by generated converters).</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);
