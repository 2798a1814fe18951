using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Serialization;

/// <summary>
/// Thrown by generated converters when well-formed JSON does not match the schema. Each converter
/// level adds its member name through an exception filter as the exception unwinds, so the final
/// <see cref="JsonPath"/> points at the offending value without any cost on the success path.
/// Messages name members and JSON token types only, never values (they may be personal data).
/// </summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SchemaViolationException : JsonException
{
    private readonly List<string> _segments = new();

    internal SchemaViolationException(string message)
        : base(message)
    {
    }

    /// <summary>JSONPath of the offending member, e.g. <c>$.data.borrower.uuid</c>.</summary>
    internal string JsonPath
    {
        get
        {
            var builder = new StringBuilder("$");
            for (int i = _segments.Count - 1; i >= 0; i--)
            {
                builder.Append(_segments[i]);
            }

            return builder.ToString();
        }
    }

    /// <summary>A required member is missing.</summary>
    /// <param name="jsonName">The member's JSON name.</param>
    /// <returns>The exception to throw.</returns>
    public static SchemaViolationException MissingRequiredMember(string jsonName) =>
        new($"Required member '{jsonName}' is missing.");

    internal static SchemaViolationException DuplicateMember(string jsonName) =>
        new($"Member '{jsonName}' appears more than once.");

    internal static SchemaViolationException UnexpectedToken(string expected, JsonTokenType actual) =>
        new($"Expected {expected} but found {JsonTokenNames.WithArticle(actual)}.");

    /// <summary>Exception filter: records the member the error happened in, then lets it fly on.</summary>
    public bool PrependMember(string? jsonName)
    {
        if (jsonName is not null)
        {
            _segments.Add(IsPlainName(jsonName) ? "." + jsonName : "['" + jsonName.Replace("'", "\\'") + "']");
        }

        return false;
    }

    /// <summary>Exception filter for list items.</summary>
    internal bool PrependIndex(int index)
    {
        _segments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        return false;
    }

    private static bool IsPlainName(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
