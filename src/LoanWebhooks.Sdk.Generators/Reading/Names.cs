using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace LoanWebhooks.Sdk.Generators.Reading;

internal static class Names
{
    /// <summary>
    /// PascalCase for JSON names and event types: splits on anything not a letter or digit,
    /// lower-cases SHOUTING segments (USER_PAYMENT → UserPayment) and keeps camelCase humps.
    /// </summary>
    public static string ToPascalCase(string value)
    {
        var builder = new StringBuilder(value.Length);
        int start = -1;
        for (int i = 0; i <= value.Length; i++)
        {
            bool isWordChar = i < value.Length && char.IsLetterOrDigit(value[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                AppendSegment(builder, value.Substring(start, i - start));
                start = -1;
            }
        }

        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    private static void AppendSegment(StringBuilder builder, string segment)
    {
        bool allUpper = true;
        foreach (char c in segment)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }

        string body = allUpper ? segment.ToLowerInvariant() : segment;
        builder.Append(char.ToUpperInvariant(body[0]));
        builder.Append(body, 1, body.Length - 1);
    }

    /// <summary>The part of a generated file's hint name after the provider: PayitoffBorrower → Borrower.</summary>
    public static string ShortTypeName(string provider, string typeName) =>
        typeName.StartsWith(provider, System.StringComparison.Ordinal) && typeName.Length > provider.Length
            ? typeName.Substring(provider.Length)
            : typeName;

    /// <summary>A schema path from the <c>schemas/</c> folder on, for messages that must not depend on the clone's location.</summary>
    public static string RelativeSchemaPath(string path)
    {
        int index = path.LastIndexOf("/schemas/", System.StringComparison.Ordinal);
        return index >= 0 ? path.Substring(index + 1) : path;
    }

    /// <summary>A name <c>WebhookProvider</c> accepts at run time: an ASCII letter, then ASCII letters or digits.</summary>
    public static bool IsProviderName(string name)
    {
        if (name.Length == 0 || !IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsAsciiLetter(c) && !(c >= '0' && c <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Dot-separated identifiers, none of them a keyword.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>A plain C# identifier that is not a keyword (so it needs no @ prefix).</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') ||
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.RecordKeyword)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
