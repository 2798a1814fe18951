using System.Text;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>StringBuilder with indentation; generated files always use \n so output is byte-identical across OSes.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>Writes an XML doc element, escaping the text; each source line becomes a doc line.</summary>
    public SourceWriter Doc(string element, string? text, string? fallback = null)
    {
        string? content = string.IsNullOrWhiteSpace(text) ? fallback : text;
        return content is null ? this : DocLines(element, content!, escape: true);
    }

    /// <summary>Writes an XML doc element whose content is already XML (crefs, code and the like).</summary>
    public SourceWriter DocXml(string element, string xml) => DocLines(element, xml, escape: false);

    private SourceWriter DocLines(string element, string content, bool escape)
    {
        Line($"/// <{element}>");
        foreach (string line in content.Replace("\r\n", "\n").Split('\n'))
        {
            string trimmed = line.Trim();
            Line(trimmed.Length == 0 ? "///" : "/// " + (escape ? Escape(trimmed) : trimmed));
        }

        return Line($"/// </{element}>");
    }

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public override string ToString() => _builder.ToString();
}
