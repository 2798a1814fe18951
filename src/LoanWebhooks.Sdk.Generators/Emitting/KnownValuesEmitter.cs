using System.Linq;
using LoanWebhooks.Sdk.Generators.Model;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>
/// Emits an extensible string enum per <c>x-known-values</c> schema: a struct over the string as sent,
/// so a value the provider adds tomorrow still parses (with <c>IsKnown</c> false) instead of failing.
/// </summary>
internal static class KnownValuesEmitter
{
    public static string Emit(ProviderModel provider, KnownValuesModel model)
    {
        string name = model.TypeName;
        var w = new SourceWriter();
        FileHeader.Write(w, model.SourcePath);
        w.Line($"namespace {provider.Namespace};");
        w.Line();
        w.Doc("summary", model.Summary, $"A {provider.Name} value with a documented set of known values.");
        w.DocXml("remarks", "Extensible: values the provider adds later parse too, with <see cref=\"IsKnown\"/> false. Compare with the static members; equality is ordinal on <see cref=\"Value\"/>.");
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({name}JsonConverter))]");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.DocXml("summary", "Wraps a value as received.");
        w.Line("/// <param name=\"value\">The value; need not be a known one.</param>");
        w.Open($"public {name}(string value)");
        w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Close();
        w.Line();
        foreach (var value in model.Values)
        {
            w.DocXml("summary", $"<c>{SourceWriter.Escape(value.Value)}</c>.");
            w.Line($"public static {name} {value.MemberName} {{ get; }} = new({SourceWriter.Literal(value.Value)});");
            w.Line();
        }

        w.Doc("summary", "Every value documented by the provider.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", model.Values.Select(v => v.MemberName))} }};");
        w.Line();
        w.Doc("summary", "The value exactly as the provider sent it (empty for default).");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Doc("summary", "Whether the value is one the provider documents.");
        w.Line("public bool IsKnown => Value switch");
        w.Line("{");
        w.Indent();
        w.Line(string.Join(" or ", model.Values.Select(v => SourceWriter.Literal(v.Value))) + " => true,");
        w.Line("_ => false,");
        w.Outdent();
        w.Line("};");
        w.Line();
        w.DocXml("summary", "Wraps <paramref name=\"value\"/>.");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Line($"public static implicit operator {name}(string value) => new(value);");
        w.Line();
        w.Doc("summary", "Ordinal equality of the values.");
        w.Line("/// <param name=\"left\">One value.</param>");
        w.Line("/// <param name=\"right\">The other.</param>");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        w.Doc("summary", "Ordinal inequality of the values.");
        w.Line("/// <param name=\"left\">One value.</param>");
        w.Line("/// <param name=\"right\">The other.</param>");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string ToString() => Value;");
        w.Close();
        return w.ToString();
    }

    public static string EmitConverter(ProviderModel provider, KnownValuesModel model)
    {
        string type = $"global::{provider.Namespace}.{model.TypeName}";
        var w = new SourceWriter();
        FileHeader.Write(w, model.SourcePath);
        w.Line($"namespace {provider.Namespace};");
        w.Line();
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"internal sealed class {model.TypeName}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{type}>");
        w.Line($"public static readonly {model.TypeName}JsonConverter Instance = new();");
        w.Line();
        w.Line($"public override {type} Read(ref {TypeSyntax.Reader} reader, global::System.Type typeToConvert, {TypeSyntax.Options} options) =>");
        w.Line($"    new({TypeSyntax.Readers}.ReadString(ref reader));");
        w.Line();
        w.Line($"public override void Write({TypeSyntax.Writer} writer, {type} value, {TypeSyntax.Options} options) =>");
        w.Line("    writer.WriteStringValue(value.Value);");
        w.Close();
        return w.ToString();
    }
}
