using LoanWebhooks.Sdk.Generators.Model;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>
/// Emits a hand-rolled-style <c>JsonConverter&lt;T&gt;</c> per record: a single forward pass over
/// the reader, no reflection, unknown members into ExtensionData, duplicates and missing required
/// members rejected with the JSON path of the offending member.
/// </summary>
internal static class ConverterEmitter
{
    private const string Objects = "global::LoanWebhooks.Sdk.Serialization.JsonObjectReading";
    private const string Violation = "global::LoanWebhooks.Sdk.Serialization.SchemaViolationException";

    /// <summary>Names and strings read without the exception an escaped unpaired surrogate makes the reader throw.</summary>
    private const string Text = "global::LoanWebhooks.Sdk.Serialization.JsonStringText";

    /// <summary>Collects the names of members that land in ExtensionData while an event is read (schema drift).</summary>
    private const string Unmapped = "global::LoanWebhooks.Sdk.Diagnostics.UnmappedMemberLog";

    public static string Emit(ProviderModel provider, RecordModel record)
    {
        string ns = provider.Namespace;
        string type = $"global::{ns}.{record.TypeName}";
        var w = new SourceWriter();
        FileHeader.Write(w, record.SourcePath);
        w.Line($"namespace {ns};");
        w.Line();
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"internal sealed class {record.TypeName}JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{type}>");
        w.Line($"public static readonly {record.TypeName}JsonConverter Instance = new();");
        w.Line();

        var properties = record.Properties;
        for (int i = 0; i < properties.Count; i++)
        {
            w.Line($"private static global::System.ReadOnlySpan<byte> Name{i} => {SourceWriter.Literal(properties[i].JsonName)}u8;");
        }

        string? discriminator = record.Event?.RootDiscriminatorJsonName;
        if (discriminator is not null)
        {
            w.Line($"private static global::System.ReadOnlySpan<byte> DiscriminatorName => {SourceWriter.Literal(discriminator)}u8;");
        }

        w.Line();
        EmitRead(w, record, ns, type, discriminator, provider.DiscriminatorOptional);
        w.Line();
        EmitWrite(w, record, ns, type, discriminator);
        w.Close();
        return w.ToString();
    }

    private static void EmitRead(SourceWriter w, RecordModel record, string ns, string type, string? discriminator, bool discriminatorOptional)
    {
        var properties = record.Properties;
        w.Open($"public override {type} Read(ref {TypeSyntax.Reader} reader, global::System.Type typeToConvert, {TypeSyntax.Options} options)");
        if (record.Event is not null)
        {
            w.Line($"{Unmapped}.Begin();");
        }

        w.Line($"{Objects}.ReadStartObject(ref reader);");
        for (int i = 0; i < properties.Count; i++)
        {
            w.Line($"{TypeSyntax.Name(properties[i].Type.WithNullable(true), ns)} value{i} = default;");
            w.Line($"bool has{i} = false;");
        }

        if (discriminator is not null)
        {
            w.Line("bool hasDiscriminator = false;");
        }

        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? extensionData = null;");
        w.Line("string? member = null;");
        w.Open("try");
        w.Open($"while ({Objects}.ReadNextProperty(ref reader))");
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            w.Open($"if ({Text}.TextEquals(ref reader, Name{i}))");
            w.Line($"member = {SourceWriter.Literal(property.JsonName)};");
            w.Line($"{Objects}.ReadMemberValue(ref reader, ref has{i});");
            w.Line($"value{i} = {TypeSyntax.ReadExpression(property.Type, ns, "reader", "options", 0)};");
            w.Line("continue;");
            w.Close();
            w.Line();
        }

        if (discriminator is not null)
        {
            w.Open($"if ({Text}.TextEquals(ref reader, DiscriminatorName))");
            w.Line($"member = {SourceWriter.Literal(discriminator)};");
            w.Line($"{Objects}.ReadMemberValue(ref reader, ref hasDiscriminator);");
            // Where the provider may leave the discriminator out, JSON null says the same thing (the parser chose the event another way).
            w.Line(discriminatorOptional ? $"{TypeSyntax.Readers}.SkipStringOrNull(ref reader);" : $"{TypeSyntax.Readers}.SkipString(ref reader);");
            w.Line("continue;");
            w.Close();
            w.Line();
        }

        w.Line($"member = {Text}.Read(ref reader);");
        w.Line($"{Objects}.ReadExtensionMember(ref reader, member!, ref extensionData);");
        w.Close();
        w.Close();
        w.Line($"catch ({Violation} e) when (e.PrependMember(member))");
        w.Line("{");
        w.Line("    throw;");
        w.Line("}");
        w.Line();
        for (int i = 0; i < properties.Count; i++)
        {
            if (properties[i].Required)
            {
                w.Open($"if (!has{i})");
                w.Line($"throw {Violation}.MissingRequiredMember({SourceWriter.Literal(properties[i].JsonName)});");
                w.Close();
                w.Line();
            }
        }

        w.Open("if (extensionData is not null)");
        w.Line($"{Unmapped}.Note({SourceWriter.Literal(record.TypeName)}, extensionData);");
        w.Close();
        w.Line();
        w.Line($"var result = new {type}");
        w.Line("{");
        w.Indent();
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            // value{i} was declared nullable; a required non-nullable member was checked above and the reader rejected null.
            string value = property.Type.Nullable
                ? $"value{i}"
                : IsValueType(property.Type) ? $"value{i}.GetValueOrDefault()" : $"value{i}!";
            w.Line($"{property.CSharpName} = {value},");
        }

        w.Line("ExtensionData = extensionData,");
        if (record.Event is not null)
        {
            // Last: every nested record has been read (and noted its extension members) by now.
            w.Line($"UnmappedMembers = {Unmapped}.End(),");
        }

        w.Outdent();
        w.Line("};");
        w.Line("return result;");
        w.Close();
    }

    private static void EmitWrite(SourceWriter w, RecordModel record, string ns, string type, string? discriminator)
    {
        var properties = record.Properties;
        w.Open($"public override void Write({TypeSyntax.Writer} writer, {type} value, {TypeSyntax.Options} options)");
        w.Line("writer.WriteStartObject();");
        if (discriminator is not null)
        {
            w.Line("writer.WriteString(DiscriminatorName, value.EventType);");
        }

        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            string access = "value." + property.CSharpName;
            if (property.Required)
            {
                w.Line($"writer.WritePropertyName(Name{i});");
                w.Line(TypeSyntax.WriteStatement(property.Type, ns, access, "writer", "options", 0));
            }
            else
            {
                // An optional member that is null was absent (or null) on the wire: leave it out.
                w.Open($"if ({access} is {{ }} present{i})");
                w.Line($"writer.WritePropertyName(Name{i});");
                w.Line(TypeSyntax.WriteNonNull(property.Type.WithNullable(false), ns, $"present{i}", "writer", "options", 0));
                w.Close();
            }
        }

        w.Line($"{TypeSyntax.Writers}.WriteExtensionData(writer, value.ExtensionData);");
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private static bool IsValueType(TypeModel type) => type.Kind is
        ValueKind.Int64 or ValueKind.Decimal or ValueKind.Boolean or ValueKind.CoercedBoolean or ValueKind.DateTimeOffset or
        ValueKind.UnixMillisecondsDateTimeOffset or ValueKind.Date or ValueKind.JsonElement or ValueKind.KnownString;
}
