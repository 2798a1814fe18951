using System.Text;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>C# source with its comments and string and character literals blanked, so a search finds names in code only.</summary>
internal static class CSharpCode
{
    /// <summary>
    /// The code of <paramref name="source"/>: every comment removed, every string (regular, verbatim, interpolated,
    /// raw) and character literal replaced by an empty one. Interpolation holes go with their string, which is what
    /// a search for names in code wants (a provider named only inside a message is not a dependency on it).
    /// </summary>
    public static string WithoutCommentsAndLiterals(string source)
    {
        var code = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            if (At(source, i, "//"))
            {
                int end = source.IndexOf('\n', i);
                i = end < 0 ? source.Length : end;
            }
            else if (At(source, i, "/*"))
            {
                int end = source.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
            }
            else if (RawStringQuotes(source, i) is int quotes and >= 3)
            {
                string fence = new('"', quotes);
                int end = source.IndexOf(fence, i + quotes, System.StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + quotes;
                code.Append("\"\"");
            }
            else if (source[i] == '"' || (source[i] is '@' or '$' && StringStartsAfterPrefix(source, i)))
            {
                i = SkipString(source, i);
                code.Append("\"\"");
            }
            else if (source[i] == '\'')
            {
                int end = i + 1;
                while (end < source.Length && source[end] != '\'')
                {
                    end += source[end] == '\\' ? 2 : 1;
                }

                i = end + 1;
                code.Append("''");
            }
            else
            {
                code.Append(source[i]);
                i++;
            }
        }

        return code.ToString();
    }

    private static bool At(string source, int index, string text) => string.CompareOrdinal(source, index, text, 0, text.Length) == 0;

    /// <summary>How many quotes open a raw string literal at <paramref name="index"/> (after any <c>$</c> prefixes); 0 when none.</summary>
    private static int RawStringQuotes(string source, int index)
    {
        while (index < source.Length && source[index] == '$')
        {
            index++;
        }

        int quotes = 0;
        while (index + quotes < source.Length && source[index + quotes] == '"')
        {
            quotes++;
        }

        return quotes;
    }

    private static bool StringStartsAfterPrefix(string source, int index)
    {
        while (index < source.Length && source[index] is '@' or '$')
        {
            index++;
        }

        return index < source.Length && source[index] == '"';
    }

    private static int SkipString(string source, int index)
    {
        bool verbatim = false;
        while (source[index] != '"')
        {
            verbatim |= source[index] == '@';
            index++;
        }

        index++;
        while (index < source.Length)
        {
            char c = source[index];
            if (c == '\\' && !verbatim)
            {
                index += 2;
            }
            else if (c == '"' && verbatim && index + 1 < source.Length && source[index + 1] == '"')
            {
                index += 2;
            }
            else if (c == '"' || (c == '\n' && !verbatim))
            {
                return index + 1;
            }
            else
            {
                index++;
            }
        }

        return index;
    }
}
