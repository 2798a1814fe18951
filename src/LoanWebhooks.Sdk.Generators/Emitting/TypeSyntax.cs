using System;
using LoanWebhooks.Sdk.Generators.Model;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>C# spellings of a <see cref="TypeModel"/>: its type name and how to read and write it.</summary>
internal static class TypeSyntax
{
    public const string Readers = "global::LoanWebhooks.Sdk.Serialization.JsonValueReaders";
    public const string Writers = "global::LoanWebhooks.Sdk.Serialization.JsonValueWriters";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string Options = "global::System.Text.Json.JsonSerializerOptions";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";

    public static string Name(TypeModel type, string ns)
    {
        string name = type.Kind switch
        {
            ValueKind.String or ValueKind.CoercedString => "string",
            ValueKind.Int64 => "long",
            ValueKind.Decimal => "decimal",
            ValueKind.Boolean or ValueKind.CoercedBoolean => "bool",
            ValueKind.DateTimeOffset or ValueKind.UnixMillisecondsDateTimeOffset => "global::System.DateTimeOffset",
            ValueKind.Date => "global::System.DateOnly",
            ValueKind.JsonElement => "global::System.Text.Json.JsonElement",
            ValueKind.Record or ValueKind.KnownString => $"global::{ns}.{type.RecordName}",
            ValueKind.List => $"global::System.Collections.Generic.IReadOnlyList<{Name(type.Element!, ns)}>",
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        return type.Nullable ? name + "?" : name;
    }

    /// <summary>An expression that reads the value the reader is positioned on.</summary>
    public static string ReadExpression(TypeModel type, string ns, string reader, string options, int depth)
    {
        string inner = type.Kind switch
        {
            ValueKind.String => $"{Readers}.ReadString(ref {reader})",
            ValueKind.Int64 => $"{Readers}.ReadInt64(ref {reader})",
            ValueKind.Decimal => $"{Readers}.ReadDecimal(ref {reader})",
            ValueKind.Boolean => $"{Readers}.ReadBoolean(ref {reader})",
            ValueKind.CoercedBoolean => $"{Readers}.ReadCoercedBoolean(ref {reader})",
            ValueKind.CoercedString => $"{Readers}.ReadCoercedString(ref {reader})",
            ValueKind.KnownString => $"new global::{ns}.{type.RecordName}({Readers}.ReadString(ref {reader}))",
            ValueKind.DateTimeOffset => $"{Readers}.ReadDateTimeOffset(ref {reader})",
            ValueKind.UnixMillisecondsDateTimeOffset => $"{Readers}.ReadUnixMilliseconds(ref {reader})",
            ValueKind.Date => $"{Readers}.ReadDate(ref {reader})",
            ValueKind.JsonElement => $"{Readers}.ReadElement(ref {reader})",
            ValueKind.Record => $"global::{ns}.{type.RecordName}JsonConverter.Instance.Read(ref {reader}, typeof(global::{ns}.{type.RecordName}), {options})",
            ValueKind.List => ListReadExpression(type, ns, reader, options, depth),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };

        return type.Nullable
            ? $"({reader}.TokenType == {TokenType}.Null ? default({Name(type, ns)}) : {inner})"
            : inner;
    }

    private static string ListReadExpression(TypeModel type, string ns, string reader, string options, int depth)
    {
        string itemReader = "r" + depth;
        string itemOptions = "o" + depth;
        string element = Name(type.Element!, ns);
        string item = ReadExpression(type.Element!, ns, itemReader, itemOptions, depth + 1);
        return $"{Readers}.ReadList<{element}>(ref {reader}, {options}, static (ref {Reader} {itemReader}, {Options} {itemOptions}) => {item})";
    }

    /// <summary>A statement that writes <paramref name="value"/>, including JSON null for a null value.</summary>
    public static string WriteStatement(TypeModel type, string ns, string value, string writer, string options, int depth)
    {
        if (!type.Nullable)
        {
            return WriteNonNull(type, ns, value, writer, options, depth);
        }

        string local = "v" + depth;
        return $"if ({value} is {{ }} {local}) {{ {WriteNonNull(type.WithNullable(false), ns, local, writer, options, depth + 1)} }} else {{ {writer}.WriteNullValue(); }}";
    }

    public static string WriteNonNull(TypeModel type, string ns, string value, string writer, string options, int depth) => type.Kind switch
    {
        ValueKind.String or ValueKind.CoercedString => $"{writer}.WriteStringValue({value});",
        ValueKind.Int64 or ValueKind.Decimal => $"{writer}.WriteNumberValue({value});",
        ValueKind.Boolean or ValueKind.CoercedBoolean => $"{writer}.WriteBooleanValue({value});",
        ValueKind.KnownString => $"{writer}.WriteStringValue({value}.Value);",
        ValueKind.DateTimeOffset => $"{Writers}.WriteDateTimeOffset({writer}, {value});",
        ValueKind.UnixMillisecondsDateTimeOffset => $"{Writers}.WriteUnixMilliseconds({writer}, {value});",
        ValueKind.Date => $"{Writers}.WriteDate({writer}, {value});",
        ValueKind.JsonElement => $"{value}.WriteTo({writer});",
        ValueKind.Record => $"global::{ns}.{type.RecordName}JsonConverter.Instance.Write({writer}, {value}, {options});",
        ValueKind.List => ListWriteStatement(type, ns, value, writer, options, depth),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string ListWriteStatement(TypeModel type, string ns, string value, string writer, string options, int depth)
    {
        string itemWriter = "w" + depth;
        string item = "i" + depth;
        string itemOptions = "o" + depth;
        string element = Name(type.Element!, ns);
        string statement = WriteStatement(type.Element!, ns, item, itemWriter, itemOptions, depth + 1);
        return $"{Writers}.WriteList<{element}>({writer}, {value}, {options}, static ({Writer} {itemWriter}, {element} {item}, {Options} {itemOptions}) => {{ {statement} }});";
    }
}
