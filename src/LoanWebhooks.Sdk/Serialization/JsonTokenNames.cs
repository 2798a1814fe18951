using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>Human wording for JSON token types in error messages (never the values themselves).</summary>
internal static class JsonTokenNames
{
    public static string WithArticle(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a " + token.ToString(),
    };
}
