using System.Linq;
using LoanWebhooks.Sdk.Generators.Model;

namespace LoanWebhooks.Sdk.Generators.Emitting;

/// <summary>Emits a provider's base event, unknown event, discriminated-union parser and JSON context.</summary>
internal static class ProviderEmitter
{
    private const string Events = "global::LoanWebhooks.Sdk.Events";
    private const string Parsing = "global::LoanWebhooks.Sdk.Parsing";

    public static string EmitBaseEvent(ProviderModel provider, bool builtIn)
    {
        var w = Start(provider);
        w.DocXml("summary", $"Base of every {provider.Name} webhook event. Pattern-match on the derived types, or handle <see cref=\"{provider.Name}UnknownEvent\"/> for types this SDK version does not know.");
        w.Doc("remarks", provider.Summary);
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public abstract partial record {provider.Name}Event : {Events}.WebhookEvent");
        w.Doc("summary", "Called by the generated event records only.");
        w.Open($"private protected {provider.Name}Event()");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
        w.Line($"public sealed override {Events}.WebhookProvider Provider => {IdentityEmitter.Reference(provider, builtIn)};");
        w.Line();
        if (provider.DiscriminatorVersioned)
        {
            w.DocXml("summary", "The event type without its version suffix: <c>event.claim.created</c> for <c>event.claim.created.v1</c>; the whole event type when it has no suffix.");
            w.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
            w.Line($"public string EventTypeBaseName => {Events}.VersionedEventType.BaseName(EventType);");
            w.Line();
            w.DocXml("summary", "The version number of the event type's <c>.v&lt;N&gt;</c> suffix, or null when it has none. Compare with the version the SDK knows to spot a <see cref=\"global::LoanWebhooks.Sdk.Events.WebhookEventMatch.VersionFallback\"/>.");
            w.Line("[global::System.Text.Json.Serialization.JsonIgnore]");
            w.Line($"public int? EventTypeVersion => {Events}.VersionedEventType.Version(EventType);");
            w.Line();
        }

        w.Line("/// <inheritdoc/>");
        w.Line("protected override bool PrintMembers(global::System.Text.StringBuilder builder) => base.PrintMembers(builder);");
        w.Close();
        return w.ToString();
    }

    public static string EmitFamily(ProviderModel provider, FamilyModel family)
    {
        var w = Start(provider);
        string name = provider.Name + family.Name + "Event";
        w.DocXml("summary", $"Base of the {provider.Name} events of the {family.Name} family (<c>x-family</c> in their schemas). Register an <c>IWebhookHandler&lt;{name}&gt;</c> to handle them all; the members every event of the family has are declared here.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public abstract partial record {name} : {provider.Name}Event");
        w.Doc("summary", "Called by the generated event records only.");
        w.Open($"private protected {name}()");
        w.Close();
        w.Line();
        foreach (var property in family.SharedProperties)
        {
            if (string.IsNullOrWhiteSpace(property.Summary))
            {
                w.DocXml("summary", $"The <c>{SourceWriter.Escape(property.JsonName)}</c> member, which every {family.Name} event has.");
            }
            else
            {
                w.Doc("summary", property.Summary);
            }

            if (property.Sensitive)
            {
                w.Doc("remarks", "Sensitive: never printed by ToString(). Keep it out of logs.");
            }

            w.Line($"public abstract {TypeSyntax.Name(property.Type, provider.Namespace)} {property.CSharpName} {{ get; init; }}");
            w.Line();
        }

        w.Line("/// <inheritdoc/>");
        w.Line("protected override bool PrintMembers(global::System.Text.StringBuilder builder) => base.PrintMembers(builder);");
        w.Close();
        return w.ToString();
    }

    public static string EmitUnknownEvent(ProviderModel provider)
    {
        var w = Start(provider);
        w.DocXml("summary", $"A {provider.Name} event whose type this SDK version does not know (or, where the provider allows it, a payload without a discriminator). Nothing is dropped: <see cref=\"Payload\"/> and <see cref=\"{Events}.WebhookEvent.RawJson\"/> hold the whole body.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed partial record {provider.Name}UnknownEvent : {provider.Name}Event, {Events}.IUnknownWebhookEvent");
        w.Doc("summary", "Creates an unknown event.");
        w.Line("/// <param name=\"eventType\">The discriminator value as received; empty when the payload had none.</param>");
        w.Line("/// <param name=\"payload\">The whole payload.</param>");
        w.Open($"public {provider.Name}UnknownEvent(string eventType, global::System.Text.Json.JsonElement payload)");
        w.Line("EventType = eventType ?? throw new global::System.ArgumentNullException(nameof(eventType));");
        w.Line("Payload = payload;");
        w.Line($"Match = {Events}.WebhookEventMatch.Unknown;");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public global::System.Text.Json.JsonElement Payload { get; }");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("protected override bool PrintMembers(global::System.Text.StringBuilder builder) => base.PrintMembers(builder);");
        w.Close();
        return w.ToString();
    }

    public static string EmitParser(ProviderModel provider, bool builtIn)
    {
        var w = Start(provider);
        string name = provider.Name;
        var events = provider.Records.Where(r => r.Event is not null).OrderBy(r => r.Event!.EventType, System.StringComparer.Ordinal).ToList();
        w.DocXml("summary", $"Parses {name} webhook bodies into the most specific <see cref=\"{name}Event\"/>. The discriminator is <c>{SourceWriter.Escape(Pointer(provider.DiscriminatorPath))}</c>; {events.Count} event type{(events.Count == 1 ? " is" : "s are")} known.");
        w.Doc("remarks", "Thread-safe; create one per options and reuse it (or use Default).");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name}WebhookParser : {Parsing}.WebhookParser<{name}Event>");
        w.Line($"private static readonly {Parsing}.WebhookEventCatalog<{name}Event> EventCatalog = new(");
        w.Indent();
        w.Line($"{IdentityEmitter.Reference(provider, builtIn)},");
        string path = string.Join(", ", provider.DiscriminatorPath.Select(SourceWriter.Literal));
        w.Line($"new {Parsing}.WebhookDiscriminator(new string[] {{ {path} }}, optional: {Bool(provider.DiscriminatorOptional)}, versioned: {Bool(provider.DiscriminatorVersioned)}),");
        w.Line($"{StringArray(provider.IdempotencyKeyPath)},");
        w.Line($"new {Parsing}.WebhookEventDescriptor<{name}Event>[]");
        w.Line("{");
        w.Indent();
        foreach (var record in events)
        {
            string type = $"global::{provider.Namespace}.{record.TypeName}";
            w.Line($"new({type}.EventTypeName, {StringArray(record.Event!.Aliases)}, typeof({type}), static (ref {TypeSyntax.Reader} reader, {TypeSyntax.Options} options) => {record.TypeName}JsonConverter.Instance.Read(ref reader, typeof({type}), options){Inference(record.Event.Inference)}),");
        }

        w.Outdent();
        w.Line("},");
        w.Line($"static (eventType, payload) => new {name}UnknownEvent(eventType, payload),");
        w.Line($"typeof({name}UnknownEvent));");
        w.Outdent();
        w.Line();
        w.Doc("summary", "Creates a parser with default options.");
        w.Line($"public {name}WebhookParser()");
        w.Line($"    : this(new {Parsing}.WebhookParserOptions())");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("summary", "Creates a parser with the given limits.");
        w.Line("/// <param name=\"options\">Body size and nesting limits.</param>");
        w.Line($"public {name}WebhookParser({Parsing}.WebhookParserOptions options)");
        w.Line("    : base(EventCatalog, options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Doc("summary", "A shared parser with default options.");
        w.Line($"public static {name}WebhookParser Default {{ get; }} = new();");
        w.Close();
        return w.ToString();
    }

    public static string EmitJsonContext(ProviderModel provider)
    {
        var w = Start(provider);
        string name = provider.Name;
        w.DocXml("summary", $"System.Text.Json metadata for every {name} type, backed by the generated converters: no reflection, trimming- and Native-AOT-safe. Use it to serialize events (for a queue, say) or with <c>JsonSerializer</c> directly.");
        w.Line(FileHeader.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name}JsonContext : global::System.Text.Json.Serialization.JsonSerializerContext, global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver");
        w.Line("private static readonly global::System.Text.Json.JsonSerializerOptions DefaultOptions = global::LoanWebhooks.Sdk.Serialization.WebhookJsonDefaults.CreateOptions();");
        w.Line();
        w.Doc("summary", "A context bound to the SDK's default options (comments and trailing commas allowed when reading).");
        w.Line($"public static {name}JsonContext Default {{ get; }} = new(global::LoanWebhooks.Sdk.Serialization.WebhookJsonDefaults.CreateOptions());");
        w.Line();
        w.DocXml("summary", "Creates a context bound to <paramref name=\"options\"/>.");
        w.Line("/// <param name=\"options\">Options the context takes ownership of.</param>");
        w.Line($"public {name}JsonContext(global::System.Text.Json.JsonSerializerOptions options)");
        w.Line("    : base(options)");
        w.Line("{");
        w.Line("}");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("protected override global::System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => DefaultOptions;");
        w.Line();
        foreach (var record in provider.Records)
        {
            string type = $"global::{provider.Namespace}.{record.TypeName}";
            w.DocXml("summary", $"Metadata for <see cref=\"{type}\"/>.");
            w.Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}> {record.TypeName} => (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{type}>)Options.GetTypeInfo(typeof({type}));");
            w.Line();
        }

        w.Line("/// <inheritdoc/>");
        w.Open("public override global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type)");
        w.Line("Options.TryGetTypeInfo(type, out var typeInfo);");
        w.Line("return typeInfo;");
        w.Close();
        w.Line();
        w.Open("global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver.GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)");
        foreach (var record in provider.Records)
        {
            string type = $"global::{provider.Namespace}.{record.TypeName}";
            w.Open($"if (type == typeof({type}))");
            w.Line($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{type}>(options, {record.TypeName}JsonConverter.Instance);");
            w.Close();
            w.Line();
        }

        foreach (var model in provider.Enums)
        {
            string type = $"global::{provider.Namespace}.{model.TypeName}";
            w.Open($"if (type == typeof({type}))");
            w.Line($"return global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{type}>(options, {model.TypeName}JsonConverter.Instance);");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Close();
        return w.ToString();
    }

    internal static SourceWriter Start(ProviderModel provider)
    {
        var w = new SourceWriter();
        FileHeader.Write(w, null);
        w.Line($"namespace {provider.Namespace};");
        w.Line();
        return w;
    }

    private static string Pointer(EquatableArray<string> path) => "/" + string.Join("/", path);

    private static string StringArray(EquatableArray<string> values) => values.Count == 0
        ? "global::System.Array.Empty<string>()"
        : "new string[] { " + string.Join(", ", values.Select(SourceWriter.Literal)) + " }";

    private static string Inference(InferenceModel? inference)
    {
        if (inference is null)
        {
            return "";
        }

        string values = inference.Values.Count == 0
            ? $"global::System.Array.Empty<{Parsing}.WebhookInferenceValues>()"
            : $"new {Parsing}.WebhookInferenceValues[] {{ " + string.Join(", ", inference.Values.Select(v => $"new({SourceWriter.Literal(v.Member)}, {StringArray(v.Values)})")) + " }";
        return $", new {Parsing}.WebhookInferenceRule({StringArray(inference.Members)}, {values})";
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
