using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LoanWebhooks.Sdk.Generators.Json;

/// <summary>Strict RFC 8259 reader for schema files: schemas are ours, so they get no leniency.</summary>
internal sealed class JsonText
{
    private const int MaxDepth = 128;
    private readonly string _text;
    private int _position;
    private int _line;
    private int _lineStart;

    private JsonText(string text) => _text = text;

    public static JsonNode Parse(string text)
    {
        var parser = new JsonText(text);
        parser.SkipWhitespace();
        var root = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._position != text.Length)
        {
            throw parser.Error("Unexpected content after the JSON value");
        }

        return root;
    }

    private JsonNode ParseValue(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error("Nesting is too deep");
        }

        if (_position >= _text.Length)
        {
            throw Error("Unexpected end of file");
        }

        int line = _line, column = _position - _lineStart;
        char c = _text[_position];
        switch (c)
        {
            case '{':
                return ParseObject(depth, line, column);
            case '[':
                return ParseArray(depth, line, column);
            case '"':
                return JsonNode.Scalar(JsonNodeKind.String, ParseString(), line, column);
            case 't':
                Expect("true");
                return JsonNode.Scalar(JsonNodeKind.True, "true", line, column);
            case 'f':
                Expect("false");
                return JsonNode.Scalar(JsonNodeKind.False, "false", line, column);
            case 'n':
                Expect("null");
                return JsonNode.Scalar(JsonNodeKind.Null, null, line, column);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return JsonNode.Scalar(JsonNodeKind.Number, ParseNumber(), line, column);
                }

                throw Error($"Unexpected character '{c}'");
        }
    }

    private JsonNode ParseObject(int depth, int line, int column)
    {
        _position++;
        var members = new List<KeyValuePair<string, JsonNode>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return JsonNode.Object(members, line, column);
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error("Expected a property name");
            }

            string name = ParseString();
            if (!seen.Add(name))
            {
                throw Error($"Duplicate property '{name}'");
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("Expected ':'");
            }

            _position++;
            SkipWhitespace();
            members.Add(new KeyValuePair<string, JsonNode>(name, ParseValue(depth + 1)));
            SkipWhitespace();
            char next = Peek();
            _position++;
            if (next == '}')
            {
                return JsonNode.Object(members, line, column);
            }

            if (next != ',')
            {
                _position--;
                throw Error("Expected ',' or '}'");
            }
        }
    }

    private JsonNode ParseArray(int depth, int line, int column)
    {
        _position++;
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return JsonNode.Array(items, line, column);
        }

        while (true)
        {
            SkipWhitespace();
            items.Add(ParseValue(depth + 1));
            SkipWhitespace();
            char next = Peek();
            _position++;
            if (next == ']')
            {
                return JsonNode.Array(items, line, column);
            }

            if (next != ',')
            {
                _position--;
                throw Error("Expected ',' or ']'");
            }
        }
    }

    private string ParseString()
    {
        _position++;
        var builder = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("Unterminated string");
            }

            char c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c < ' ')
            {
                throw Error("Control character in string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            char escape = Peek();
            _position++;
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length ||
                        !ushort.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort code))
                    {
                        throw Error("Invalid \\u escape");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Error($"Invalid escape '\\{escape}'");
            }
        }
    }

    private string ParseNumber()
    {
        int start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        while (_position < _text.Length && "0123456789.eE+-".IndexOf(_text[_position]) >= 0)
        {
            _position++;
        }

        string number = _text.Substring(start, _position - start);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw Error($"Invalid number '{number}'");
        }

        return number;
    }

    private void Expect(string literal)
    {
        if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
        {
            throw Error($"Expected '{literal}'");
        }

        _position += literal.Length;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _lineStart = _position + 1;
            }
            else if (c != ' ' && c != '\t' && c != '\r')
            {
                return;
            }

            _position++;
        }
    }

    private JsonTextException Error(string message) => new(message, _line, _position - _lineStart);
}

internal sealed class JsonTextException : Exception
{
    public JsonTextException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
