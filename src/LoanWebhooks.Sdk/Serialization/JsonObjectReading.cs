using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>The object-walking steps generated converters are made of.</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonObjectReading
{
    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <exception cref="SchemaViolationException">It is on another token.</exception>
    public static void ReadStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw SchemaViolationException.UnexpectedToken("an object", reader.TokenType);
        }
    }

    /// <summary>Advances to the next member name; false at the end of the object.</summary>
    public static bool ReadNextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Marks the member as seen (rejecting a duplicate) and moves to its value.</summary>
    public static void ReadMemberValue(ref Utf8JsonReader reader, ref bool seen)
    {
        if (seen)
        {
            // Last-wins would let a second copy of a member hide behind the first; refuse it.
            throw SchemaViolationException.DuplicateMember(JsonStringText.Read(ref reader));
        }

        seen = true;
        reader.Read();
    }

    /// <summary>Keeps a member the schema does not describe, so nothing the provider sent is lost.</summary>
    public static void ReadExtensionMember(ref Utf8JsonReader reader, string name, ref Dictionary<string, JsonElement>? extensionData)
    {
        reader.Read();
        var value = JsonElement.ParseValue(ref reader);
        extensionData ??= new Dictionary<string, JsonElement>(System.StringComparer.Ordinal);
        if (!extensionData.TryAdd(name, value))
        {
            throw SchemaViolationException.DuplicateMember(name);
        }
    }
}
