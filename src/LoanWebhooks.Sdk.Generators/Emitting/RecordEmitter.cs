using System.Linq;
using LoanWebhooks.Sdk.Generators.Model;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>Emits one immutable record per object schema.</summary>
internal static class RecordEmitter
{
    public static string Emit(ProviderModel provider, RecordModel record, bool builtIn)
    {
        var w = new SourceWriter();
        FileHeader.Write(w, record.SourcePath);
        w.Line($"namespace {provider.Namespace};");
        w.Line();
        w.Doc("summary", record.Summary, $"The {record.TypeName} object of a {provider.Name} webhook.");
        w.Doc("remarks", record.Remarks);
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({record.TypeName}JsonConverter))]");
        w.Line(FileHeader.GeneratedCodeAttribute);
        string baseList = record.Event is null
            ? "global::LoanWebhooks.Sdk.Events.IHasExtensionData"
            : $"{provider.Name}{record.Event.Family}Event, global::LoanWebhooks.Sdk.Events.IHasExtensionData";
        w.Open($"public sealed partial record {record.TypeName} : {baseList}");

        if (record.Event is { } eventInfo)
        {
            w.Doc("summary", $"The discriminator value {provider.Name} sends for this event: \"{eventInfo.EventType}\".");
            w.Line($"public const string EventTypeName = {SourceWriter.Literal(eventInfo.EventType)};");
            w.Line();
            w.Line("/// <summary>Creates the event; <see cref=\"global::LoanWebhooks.Sdk.Events.WebhookEvent.EventType\"/> starts as <see cref=\"EventTypeName\"/>.</summary>");
            w.Open($"public {record.TypeName}()");
            w.Line("EventType = EventTypeName;");
            w.Close();
            w.Line();
        }

        var inherited = new System.Collections.Generic.HashSet<string>(
            provider.Families.Where(f => f.Name == record.Event?.Family).SelectMany(f => f.SharedProperties).Select(p => p.JsonName),
            System.StringComparer.Ordinal);
        foreach (var property in record.Properties)
        {
            if (string.IsNullOrWhiteSpace(property.Summary))
            {
                w.DocXml("summary", $"The <c>{SourceWriter.Escape(property.JsonName)}</c> member.");
            }
            else
            {
                w.Doc("summary", property.Summary);
            }

            if (property.Sensitive)
            {
                w.Doc("remarks", "Sensitive: never printed by ToString(). Keep it out of logs.");
            }

            w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({SourceWriter.Literal(property.JsonName)})]");
            string modifiers = (inherited.Contains(property.JsonName) ? "override " : "") + (property.Required ? "required " : "");
            w.Line($"public {modifiers}{TypeSyntax.Name(property.Type, provider.Namespace)} {property.CSharpName} {{ get; init; }}");
            w.Line();
        }

        if (record.Event is not null && IdempotencyKeyExpression(provider, record) is { } key)
        {
            // The converter has read the deduplication id already: the parser takes it from here instead of scanning the body.
            w.Line("/// <inheritdoc/>");
            // protected internal in the SDK; an override in another assembly can only say protected.
            w.Open($"{(builtIn ? "protected internal" : "protected")} override bool TryGetTypedIdempotencyKey(out string? key)");
            w.Line($"key = {key};");
            w.Line("return true;");
            w.Close();
            w.Line();
        }

        w.Doc("summary", "Members the schema does not describe, kept exactly as received so no data is lost.");
        w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? ExtensionData { get; init; }");
        w.Line();

        string printSignature = record.Event is null
            ? "private bool PrintMembers(global::System.Text.StringBuilder builder)"
            : "protected override bool PrintMembers(global::System.Text.StringBuilder builder)";
        if (record.Event is not null)
        {
            w.Line("/// <inheritdoc/>");
        }

        w.Open(printSignature);
        if (record.Event is not null)
        {
            w.Open("if (base.PrintMembers(builder))");
            w.Line("builder.Append(\", \");");
            w.Close();
            w.Line();
        }

        foreach (var property in record.Properties)
        {
            w.Line($"builder.Append({SourceWriter.Literal(property.CSharpName + " = ")});");
            w.Line(property.Sensitive
                ? $"global::LoanWebhooks.Sdk.Serialization.RecordPrinter.AppendSensitive(builder, {property.CSharpName});"
                : $"global::LoanWebhooks.Sdk.Serialization.RecordPrinter.AppendValue(builder, {property.CSharpName});");
            w.Line("builder.Append(\", \");");
        }

        w.Line("builder.Append(\"ExtensionData = \");");
        w.Line("global::LoanWebhooks.Sdk.Serialization.RecordPrinter.AppendExtensionData(builder, ExtensionData);");
        w.Line("return true;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// The C# path to the provider's deduplication id when this event's schema types every step of it (records,
    /// then a plain string; not a coerced one, which would turn a number into text the body does not hold as a
    /// string), e.g. <c>Payload?.MessageId</c>; null when the parser has to read it from the body.
    /// </summary>
    private static string? IdempotencyKeyExpression(ProviderModel provider, RecordModel record)
    {
        var path = provider.IdempotencyKeyPath;
        if (path.Count == 0)
        {
            return null;
        }

        var current = record;
        var expression = new System.Text.StringBuilder();
        for (int i = 0; i < path.Count; i++)
        {
            var property = current.Properties.FirstOrDefault(p => p.JsonName == path[i]);
            if (property is null)
            {
                return null;
            }

            expression.Append(property.CSharpName);
            if (i == path.Count - 1)
            {
                return property.Type.Kind == ValueKind.String ? expression.ToString() : null;
            }

            var next = property.Type.Kind == ValueKind.Record ? provider.Records.FirstOrDefault(r => r.TypeName == property.Type.RecordName) : null;
            if (next is null)
            {
                return null;
            }

            expression.Append(property.Type.Nullable ? "?." : ".");
            current = next;
        }

        return null;
    }
}
