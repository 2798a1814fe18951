using System.Text;

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

    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
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
