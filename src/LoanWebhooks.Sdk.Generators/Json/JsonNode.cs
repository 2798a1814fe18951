using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Generators.Json;

internal enum JsonNodeKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A minimal JSON DOM for schema files. The generator runs inside the compiler, where loading
/// System.Text.Json of an arbitrary version can clash with the host, so it carries its own reader.
/// </summary>
internal sealed class JsonNode
{
    private JsonNode(JsonNodeKind kind, int line, int column)
    {
        Kind = kind;
        Line = line;
        Column = column;
    }

    public JsonNodeKind Kind { get; }

    /// <summary>Zero-based line of the node's first character, for diagnostics.</summary>
    public int Line { get; }

    public int Column { get; }

    public string? Text { get; private set; }

    public List<KeyValuePair<string, JsonNode>>? Members { get; private set; }

    public List<JsonNode>? Items { get; private set; }

    public static JsonNode Object(List<KeyValuePair<string, JsonNode>> members, int line, int column) =>
        new(JsonNodeKind.Object, line, column) { Members = members };

    public static JsonNode Array(List<JsonNode> items, int line, int column) =>
        new(JsonNodeKind.Array, line, column) { Items = items };

    public static JsonNode Scalar(JsonNodeKind kind, string? text, int line, int column) =>
        new(kind, line, column) { Text = text };

    public JsonNode? Get(string name)
    {
        if (Members is null)
        {
            return null;
        }

        foreach (var member in Members)
        {
            if (member.Key == name)
            {
                return member.Value;
            }
        }

        return null;
    }

    public string? GetString(string name)
    {
        var node = Get(name);
        return node is { Kind: JsonNodeKind.String } ? node.Text : null;
    }

    public bool GetBoolean(string name) => Get(name)?.Kind == JsonNodeKind.True;
}
