using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LoanWebhooks.Sdk.Generators.Json;
using LoanWebhooks.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LoanWebhooks.Sdk.Generators.Reading;

/// <summary>
/// Turns the schema files of one provider folder into a <see cref="ProviderModel"/>: plain,
/// equatable data with no JSON DOM and no Roslyn symbols, so the emit step caches.
/// </summary>
internal sealed class SchemaReader
{
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        // Members of WebhookEvent, the generated records and object itself.
        "ExtensionData", "EventType", "Provider", "RawJson", "Match", "EqualityContract", "EventTypeName", "GetRawText",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "Clone", "Deconstruct",
        "PrintMembers", "SetDelivery", "CatalogIndex", "IdempotencyKey", "TryGetTypedIdempotencyKey", "EventTypeBaseName",
        "EventTypeVersion",
    };

    /// <summary>Members of a generated known-values struct; a value may not take their names.</summary>
    private static readonly HashSet<string> ReservedEnumMemberNames = new(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Types every provider gets besides its records; a record may not take their names.</summary>
    private static readonly string[] ProviderTypeSuffixes = { "Event", "UnknownEvent", "WebhookParser", "JsonContext", "Webhooks" };

    private readonly string _folder;
    private readonly List<DiagnosticModel> _diagnostics = new();
    private readonly Dictionary<string, (SchemaFile File, JsonNode Root)> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _objectTypeNames = new(StringComparer.Ordinal);
    private readonly List<RecordModel> _records = new();
    private readonly List<KnownValuesModel> _enums = new();
    private readonly HashSet<string> _enumObjectPaths = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _families = new(StringComparer.Ordinal);
    private bool _discriminatorOptional;
    private readonly Dictionary<string, string> _takenTypeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _takenHintNames = new(StringComparer.Ordinal);
    private string _provider = "";

    private SchemaReader(string folder) => _folder = folder;

    /// <summary>Groups schema files by provider folder (<c>…/schemas/&lt;provider&gt;/…</c>) and reads each.</summary>
    public static IEnumerable<ProviderResult> ReadAll(IEnumerable<SchemaFile> files, CancellationToken cancellationToken)
    {
        var byFolder = new SortedDictionary<string, List<SchemaFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            string? folder = ProviderFolderOf(file.Path);
            if (folder is null)
            {
                continue;
            }

            if (!byFolder.TryGetValue(folder, out var list))
            {
                byFolder[folder] = list = new List<SchemaFile>();
            }

            list.Add(file);
        }

        var providerFolders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in byFolder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = new SchemaReader(pair.Key).Read(pair.Value.OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
            if (result.Provider is { } provider && providerFolders.TryGetValue(provider.Name, out string? firstFolder))
            {
                var diagnostic = new DiagnosticModel(
                    DiagnosticDescriptors.InvalidProviderManifest,
                    new EquatableArray<string>(new[] { $"\"x-provider\": \"{provider.Name}\" is also declared by '{Names.RelativeSchemaPath(firstFolder)}/provider.json'. Each provider folder needs its own x-provider" }),
                    pair.Key + "/provider.json",
                    0,
                    0);
                result = new ProviderResult(pair.Key, null, new EquatableArray<DiagnosticModel>(new[] { diagnostic }));
            }
            else if (result.Provider is { } first)
            {
                providerFolders[first.Name] = pair.Key;
            }

            yield return result;
        }
    }

    /// <summary>The provider folder of a schema file, or null when the file is not a provider schema.</summary>
    public static string? ProviderFolderOf(string path)
    {
        string normalized = Normalize(path);
        int index = normalized.LastIndexOf("/schemas/", StringComparison.Ordinal);
        if (index < 0 || !normalized.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string relative = normalized.Substring(index + "/schemas/".Length);
        string[] parts = relative.Split('/');
        bool isSchema = (parts.Length == 2 && parts[1] == "provider.json") ||
                        (parts.Length == 3 && (parts[1] == "events" || parts[1] == "objects"));
        return isSchema ? normalized.Substring(0, index + "/schemas/".Length) + parts[0] : null;
    }

    private ProviderResult Read(List<SchemaFile> files)
    {
        foreach (var file in files)
        {
            try
            {
                _documents[Normalize(file.Path)] = (file, JsonText.Parse(file.Text));
            }
            catch (JsonTextException e)
            {
                Report(DiagnosticDescriptors.InvalidJson, file.Path, e.Line, e.Column, e.Message);
            }
        }

        if (_diagnostics.Count > 0)
        {
            return Result(null);
        }

        string manifestPath = _folder + "/provider.json";
        if (!_documents.TryGetValue(manifestPath, out var manifest))
        {
            Report(DiagnosticDescriptors.InvalidProviderManifest, manifestPath, 0, 0, $"Schema folder '{_folder}' has no provider.json. Add one with x-provider and x-discriminator");
            return Result(null);
        }

        var root = manifest.Root;
        _provider = root.GetString("x-provider") ?? "";
        string? discriminator = root.GetString("x-discriminator");
        if (!Names.IsValidIdentifier(_provider) || !Names.IsProviderName(_provider))
        {
            Report(DiagnosticDescriptors.InvalidProviderManifest, manifestPath, root.Line, root.Column, "provider.json must set \"x-provider\" to the provider's C# name, an ASCII letter then ASCII letters or digits, e.g. \"Payitoff\"");
            return Result(null);
        }

        // The SDK's own providers live in LoanWebhooks.Sdk.<Provider>; a provider of your own names its namespace.
        string providerNamespace = root.GetString("x-namespace") ?? "LoanWebhooks.Sdk." + _provider;
        if (!Names.IsValidNamespace(providerNamespace))
        {
            Report(DiagnosticDescriptors.InvalidProviderManifest, manifestPath, root.Line, root.Column, "\"x-namespace\" must be a C# namespace such as \"Contoso.Webhooks.Acme\"");
            return Result(null);
        }

        var discriminatorPath = ParsePointer(discriminator);
        if (discriminatorPath is null)
        {
            Report(DiagnosticDescriptors.InvalidProviderManifest, manifestPath, root.Line, root.Column, "provider.json must set \"x-discriminator\" to a JSON Pointer such as \"/event_type\" or \"/payload/details/messageType\"");
            return Result(null);
        }

        var idempotencyPath = root.GetString("x-idempotency-key") is { } idempotency ? ParsePointer(idempotency) : new List<string>();
        if (idempotencyPath is null)
        {
            Report(DiagnosticDescriptors.InvalidProviderManifest, manifestPath, root.Line, root.Column, "\"x-idempotency-key\" must be a JSON Pointer such as \"/payload/messageId\"");
            return Result(null);
        }

        foreach (string suffix in ProviderTypeSuffixes)
        {
            _takenTypeNames[_provider + suffix] = $"the generated {_provider}{suffix}";
            _takenHintNames[suffix] = $"the generated {_provider}{suffix}";
        }

        // Object type names first: events and other objects refer to them by path.
        foreach (var pair in _documents.Where(d => IsKind(d.Key, "objects")))
        {
            string fileName = FileNameWithoutExtension(pair.Key);
            _objectTypeNames[pair.Key] = pair.Value.Root.GetString("x-type-name") ?? _provider + Names.ToPascalCase(fileName);
        }

        foreach (var pair in _documents.Where(d => IsKind(d.Key, "objects")))
        {
            if (pair.Value.Root.Get("x-known-values") is not null)
            {
                _enumObjectPaths.Add(pair.Key);
            }
        }

        _discriminatorOptional = root.GetBoolean("x-discriminator-optional");
        foreach (var pair in _documents.Where(d => IsKind(d.Key, "objects")))
        {
            if (_enumObjectPaths.Contains(pair.Key))
            {
                ReadKnownValues(pair.Value.Root, _objectTypeNames[pair.Key], pair.Key);
            }
            else
            {
                ReadRecord(pair.Value.Root, _objectTypeNames[pair.Key], pair.Key, eventInfo: null);
            }
        }

        var seenEventTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in _documents.Where(d => IsKind(d.Key, "events")))
        {
            ReadEvent(pair.Key, pair.Value.Root, discriminatorPath, seenEventTypes);
        }

        if (_diagnostics.Count > 0)
        {
            return Result(null);
        }

        var provider = new ProviderModel(
            _provider,
            providerNamespace,
            root.GetString("description") ?? root.GetString("title"),
            new EquatableArray<string>(discriminatorPath),
            _discriminatorOptional,
            root.GetBoolean("x-discriminator-versioned"),
            new EquatableArray<string>(idempotencyPath),
            new EquatableArray<RecordModel>(_records.OrderBy(r => r.TypeName, StringComparer.Ordinal)),
            new EquatableArray<KnownValuesModel>(_enums.OrderBy(e => e.TypeName, StringComparer.Ordinal)),
            new EquatableArray<FamilyModel>(_families.Select(ReadFamilyModel)));
        return Result(provider);
    }

    private void ReadEvent(string path, JsonNode root, List<string> discriminatorPath, Dictionary<string, string> seenEventTypes)
    {
        string? eventType = root.GetString("x-event-type");
        if (string.IsNullOrEmpty(eventType))
        {
            Report(DiagnosticDescriptors.MissingEventType, path, root.Line, root.Column);
            return;
        }

        var aliases = new List<string>();
        if (root.Get("x-aliases") is { Kind: JsonNodeKind.Array, Items: { } items })
        {
            foreach (var item in items)
            {
                if (item.Kind != JsonNodeKind.String || string.IsNullOrEmpty(item.Text))
                {
                    Report(DiagnosticDescriptors.UnsupportedSchema, path, item.Line, item.Column, "\"x-aliases\" must be an array of non-empty strings");
                    return;
                }

                aliases.Add(item.Text!);
            }
        }

        foreach (string value in new[] { eventType! }.Concat(aliases))
        {
            if (seenEventTypes.TryGetValue(value, out string? other))
            {
                Report(DiagnosticDescriptors.DuplicateEventType, path, root.Line, root.Column, value, Names.RelativeSchemaPath(other));
                return;
            }

            seenEventTypes[value] = path;
        }

        string? rootDiscriminator = discriminatorPath.Count == 1 ? discriminatorPath[0] : null;
        if (rootDiscriminator is not null && root.Get("properties")?.Get(rootDiscriminator) is { } discriminatorSchema)
        {
            string? constant = discriminatorSchema.GetString("const");
            if (constant is not null && constant != eventType && !aliases.Contains(constant))
            {
                Report(DiagnosticDescriptors.DiscriminatorConstMismatch, path, discriminatorSchema.Line, discriminatorSchema.Column, rootDiscriminator, constant, eventType!);
                return;
            }
        }

        string? family = ReadFamily(root, path);
        if (family is null && root.Get("x-family") is not null)
        {
            return;
        }

        InferenceModel? inference = null;
        if (root.Get("x-infer") is { } inferNode)
        {
            inference = ReadInference(inferNode, path);
            if (inference is null)
            {
                return;
            }
        }

        string typeName = root.GetString("x-type-name") ?? _provider + Names.ToPascalCase(eventType!) + "Event";
        ReadRecord(root, typeName, path, new EventInfoModel(eventType!, new EquatableArray<string>(aliases), rootDiscriminator, family, inference));
    }

    /// <summary>Reads <c>x-family</c> and reserves its base type name; null when absent or invalid (reported).</summary>
    private string? ReadFamily(JsonNode root, string path)
    {
        if (root.Get("x-family") is not { } node)
        {
            return null;
        }

        string family = node.Kind == JsonNodeKind.String ? node.Text! : "";
        string familyType = _provider + family + "Event";
        if (!Names.IsValidIdentifier(family) || !char.IsUpper(family[0]))
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, path, node.Line, node.Column, "\"x-family\" must be a PascalCase C# identifier such as \"Claim\"; the family's base type is <Provider><Family>Event");
            return null;
        }

        if (_families.Contains(family))
        {
            return family;
        }

        if (!ClaimTypeName(familyType, path, node))
        {
            return null;
        }

        _families.Add(family);
        return family;
    }

    /// <summary>A family with the members all of its events share (same JSON name, C# name, type and redaction).</summary>
    private FamilyModel ReadFamilyModel(string family)
    {
        var events = _records.Where(r => r.Event?.Family == family).OrderBy(r => r.TypeName, StringComparer.Ordinal).ToList();
        var shared = new List<PropertyModel>();
        foreach (var candidate in events[0].Properties)
        {
            var matches = events.Select(e => e.Properties.FirstOrDefault(p => p.JsonName == candidate.JsonName)).ToList();
            if (matches.All(p => p is not null && p.CSharpName == candidate.CSharpName && p.Type == candidate.Type && p.Sensitive == candidate.Sensitive))
            {
                bool sameSummary = matches.All(p => p!.Summary == candidate.Summary);
                shared.Add(candidate with
                {
                    Required = false,
                    Summary = sameSummary ? candidate.Summary : null,
                });
            }
        }

        return new FamilyModel(family, new EquatableArray<PropertyModel>(shared));
    }

    private InferenceModel? ReadInference(JsonNode node, string path)
    {
        string fix = "\"x-infer\" must look like { \"members\": [\"applicationId\"], \"values\": { \"status\": [\"COMPLETED\"] } } with at least one member or value list";
        if (!_discriminatorOptional)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, path, node.Line, node.Column, "\"x-infer\" only applies to providers whose provider.json sets \"x-discriminator-optional\": true; remove it or make the discriminator optional");
            return null;
        }

        var members = node.Kind == JsonNodeKind.Object ? ReadStringArray(node.Get("members")) : null;
        var values = new List<InferenceValuesModel>();
        bool valid = node.Kind == JsonNodeKind.Object && members is not null;
        if (valid && node.Get("values") is { } valuesNode)
        {
            if (valuesNode.Kind != JsonNodeKind.Object)
            {
                valid = false;
            }
            else
            {
                foreach (var member in valuesNode.Members!)
                {
                    var allowed = ReadStringArray(member.Value);
                    if (allowed is not { Count: > 0 })
                    {
                        valid = false;
                        break;
                    }

                    values.Add(new InferenceValuesModel(member.Key, new EquatableArray<string>(allowed)));
                }
            }
        }

        if (!valid || members!.Count + values.Count == 0)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, path, node.Line, node.Column, fix);
            return null;
        }

        return new InferenceModel(new EquatableArray<string>(members!), new EquatableArray<InferenceValuesModel>(values));
    }

    /// <summary>An array of non-empty strings; an absent node is an empty list, anything else null.</summary>
    private static List<string>? ReadStringArray(JsonNode? node)
    {
        if (node is null)
        {
            return new List<string>();
        }

        if (node.Kind != JsonNodeKind.Array || node.Items!.Any(i => i.Kind != JsonNodeKind.String || string.IsNullOrEmpty(i.Text)))
        {
            return null;
        }

        return node.Items!.Select(i => i.Text!).ToList();
    }

    /// <summary>Reads an <c>x-known-values</c> string schema into an extensible enum.</summary>
    private void ReadKnownValues(JsonNode schema, string typeName, string path)
    {
        var node = schema.Get("x-known-values")!;
        var values = ReadStringArray(node);
        if (values is not { Count: > 0 } || schema.GetString("type") != "string")
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, path, node.Line, node.Column, "\"x-known-values\" must be a non-empty array of strings on a schema with \"type\": \"string\"");
            return;
        }

        if (!Names.IsValidIdentifier(typeName))
        {
            Report(DiagnosticDescriptors.InvalidMemberName, path, schema.Line, schema.Column, "This schema", typeName, "Set \"x-type-name\" to a valid C# type name");
            return;
        }

        var known = new List<KnownValueModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (string value in values.Distinct(StringComparer.Ordinal))
        {
            string member = Names.ToPascalCase(value);
            if (!Names.IsValidIdentifier(member) || ReservedEnumMemberNames.Contains(member) || member == typeName || !memberNames.Add(member))
            {
                Report(DiagnosticDescriptors.InvalidMemberName, path, node.Line, node.Column, $"Known value '{value}' of '{typeName}'", member, "Change or remove the value");
                return;
            }

            known.Add(new KnownValueModel(value, member));
        }

        if (!ClaimTypeName(typeName, path, schema))
        {
            return;
        }

        _enums.Add(new KnownValuesModel(typeName, schema.GetString("description") ?? schema.GetString("title"), path, new EquatableArray<KnownValueModel>(known)));
    }

    private void ReadRecord(JsonNode schema, string typeName, string path, EventInfoModel? eventInfo)
    {
        if (!Names.IsValidIdentifier(typeName))
        {
            Report(DiagnosticDescriptors.InvalidMemberName, path, schema.Line, schema.Column, "This schema", typeName, "Set \"x-type-name\" to a valid C# type name");
            return;
        }

        if (!ClaimTypeName(typeName, path, schema))
        {
            return;
        }

        if (schema.Get("properties") is { Kind: not JsonNodeKind.Object } badProperties)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, path, badProperties.Line, badProperties.Column, $"\"properties\" of '{typeName}' must be an object mapping member names to schemas");
            return;
        }

        var properties = new List<PropertyModel>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.Get("required") is { Kind: JsonNodeKind.Array, Items: { } requiredItems })
        {
            foreach (var item in requiredItems)
            {
                if (item.Kind == JsonNodeKind.String)
                {
                    required.Add(item.Text!);
                }
            }
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        string baseName = typeName.EndsWith("Event", StringComparison.Ordinal) ? typeName.Substring(0, typeName.Length - "Event".Length) : typeName;
        foreach (var member in schema.Get("properties")?.Members ?? new List<KeyValuePair<string, JsonNode>>())
        {
            string jsonName = member.Key;
            var propertySchema = member.Value;
            if (eventInfo?.RootDiscriminatorJsonName == jsonName)
            {
                // The base event's EventType carries the discriminator.
                continue;
            }

            string csharpName = propertySchema.GetString("x-csharp-name") ?? Names.ToPascalCase(jsonName);
            if (!Names.IsValidIdentifier(csharpName) || ReservedMemberNames.Contains(csharpName) || csharpName == typeName || !memberNames.Add(csharpName))
            {
                Report(DiagnosticDescriptors.InvalidMemberName, path, propertySchema.Line, propertySchema.Column, $"Property '{jsonName}' of '{typeName}'", csharpName, "Set \"x-csharp-name\" on the property");
                continue;
            }

            var type = ResolveType(propertySchema, baseName + csharpName, path);
            if (type is null)
            {
                continue;
            }

            bool isRequired = required.Contains(jsonName);
            if (!isRequired)
            {
                type = type.WithNullable(true);
            }

            properties.Add(new PropertyModel(
                jsonName,
                csharpName,
                type,
                isRequired,
                propertySchema.GetBoolean("x-sensitive"),
                propertySchema.GetString("description") ?? propertySchema.GetString("title")));
        }

        string? summary = schema.GetString("title");
        string? remarks = schema.GetString("description");
        _records.Add(new RecordModel(typeName, summary ?? remarks, summary is null ? null : remarks, path, new EquatableArray<PropertyModel>(properties), eventInfo));
    }

    /// <summary>Reserves a record's type, converter and hint names; reports LWH009 when another type has one of them.</summary>
    private bool ClaimTypeName(string typeName, string path, JsonNode schema)
    {
        string converterName = typeName + "JsonConverter";
        string hintName = Names.ShortTypeName(_provider, typeName);
        string owner = $"'{typeName}' from {Names.RelativeSchemaPath(path)}";
        string? other = _takenTypeNames.TryGetValue(typeName, out string? byType) ? byType
            : _takenTypeNames.TryGetValue(converterName, out string? byConverter) ? byConverter
            : _takenHintNames.TryGetValue(hintName, out string? byHint) ? byHint
            : null;
        if (other is not null)
        {
            Report(DiagnosticDescriptors.DuplicateTypeName, path, schema.Line, schema.Column, owner, other);
            return false;
        }

        _takenTypeNames[typeName] = owner;
        _takenTypeNames[converterName] = owner + " (its converter)";
        _takenHintNames[hintName] = owner;
        return true;
    }

    private TypeModel? ResolveType(JsonNode schema, string inlineTypeName, string path)
    {
        if (schema.Kind != JsonNodeKind.Object)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, path, schema.Line, schema.Column, "A property schema must be a JSON object, e.g. { \"type\": \"string\" }; use {} for free-form JSON");
            return null;
        }

        if (schema.GetString("$ref") is { } reference)
        {
            string target = Normalize(CombineRelative(path, reference));
            if (reference.StartsWith("#", StringComparison.Ordinal) || !_objectTypeNames.TryGetValue(target, out string? referencedType))
            {
                Report(DiagnosticDescriptors.UnresolvedReference, path, schema.Line, schema.Column, reference);
                return null;
            }

            return new TypeModel(_enumObjectPaths.Contains(target) ? ValueKind.KnownString : ValueKind.Record, false, referencedType, null);
        }

        var types = new List<string>();
        bool nullable = false;
        var typeNode = schema.Get("type");
        if (typeNode is { Kind: JsonNodeKind.String })
        {
            types.Add(typeNode.Text!);
        }
        else if (typeNode is { Kind: JsonNodeKind.Array, Items: { } typeItems })
        {
            types.AddRange(typeItems.Where(t => t.Kind == JsonNodeKind.String).Select(t => t.Text!));
        }
        else if (schema.Get("properties") is not null)
        {
            types.Add("object");
        }
        else if (schema.Get("const") is { Kind: JsonNodeKind.String })
        {
            types.Add("string");
        }

        if (types.Remove("null"))
        {
            nullable = true;
        }

        if (schema.GetString("x-coerce") is { } coerce)
        {
            bool booleanCoercion = coerce == "boolean" && types.Contains("boolean") && types.All(t => t is "boolean" or "string");
            bool stringCoercion = coerce == "string" && types.Contains("string") && types.Count > 1 && types.All(t => t is "string" or "integer" or "number");
            if (!booleanCoercion && !stringCoercion)
            {
                Report(DiagnosticDescriptors.UnsupportedSchema, path, schema.Line, schema.Column, $"\"x-coerce\": \"{coerce}\" is not supported here. Use \"x-coerce\": \"boolean\" with \"type\": [\"boolean\", \"string\"], or \"x-coerce\": \"string\" with \"type\": [\"string\", \"integer\"] (or \"number\")");
                return null;
            }

            return new TypeModel(booleanCoercion ? ValueKind.CoercedBoolean : ValueKind.CoercedString, nullable, null, null);
        }

        if (types.Count != 1)
        {
            // Free-form, untyped or multi-typed: keep the JSON as received.
            return new TypeModel(ValueKind.JsonElement, nullable, null, null);
        }

        string format = schema.GetString("format") ?? "";
        switch (types[0])
        {
            case "string" when schema.Get("x-known-values") is not null:
                string enumName = schema.GetString("x-type-name") ?? inlineTypeName;
                int enumCount = _enums.Count;
                ReadKnownValues(schema, enumName, path);
                return _enums.Count == enumCount ? null : new TypeModel(ValueKind.KnownString, nullable, enumName, null);
            case "string":
                return format switch
                {
                    "date-time" => new TypeModel(ValueKind.DateTimeOffset, nullable, null, null),
                    "date" => new TypeModel(ValueKind.Date, nullable, null, null),
                    _ => new TypeModel(ValueKind.String, nullable, null, null),
                };
            case "integer":
                string? encoding = schema.GetString("x-time-encoding");
                if (encoding is not null && encoding != "unix-ms")
                {
                    Report(DiagnosticDescriptors.UnsupportedSchema, path, schema.Line, schema.Column, $"\"x-time-encoding\": \"{encoding}\" is not supported. The only supported value is \"unix-ms\"");
                    return null;
                }

                return new TypeModel(encoding is null ? ValueKind.Int64 : ValueKind.UnixMillisecondsDateTimeOffset, nullable, null, null);
            case "number":
                return new TypeModel(ValueKind.Decimal, nullable, null, null);
            case "boolean":
                return new TypeModel(ValueKind.Boolean, nullable, null, null);
            case "array":
                var items = schema.Get("items");
                var element = items is null
                    ? new TypeModel(ValueKind.JsonElement, false, null, null)
                    : ResolveType(items, inlineTypeName + "Item", path);
                return element is null ? null : new TypeModel(ValueKind.List, nullable, null, element);
            case "object":
                if (schema.Get("properties") is not { Kind: JsonNodeKind.Object, Members.Count: > 0 })
                {
                    return new TypeModel(ValueKind.JsonElement, nullable, null, null);
                }

                string typeName = schema.GetString("x-type-name") ?? inlineTypeName;
                ReadRecord(schema, typeName, path, eventInfo: null);
                return new TypeModel(ValueKind.Record, nullable, typeName, null);
            default:
                Report(DiagnosticDescriptors.UnsupportedSchema, path, schema.Line, schema.Column, $"\"type\": \"{types[0]}\" is not a JSON Schema type. Use string, integer, number, boolean, object, array or null");
                return null;
        }
    }

    private static List<string>? ParsePointer(string? pointer)
    {
        if (pointer is null || pointer.Length < 2 || pointer[0] != '/')
        {
            return null;
        }

        var segments = pointer.Substring(1).Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
        return segments.Any(s => s.Length == 0) ? null : segments;
    }

    private bool IsKind(string path, string kind) => path.StartsWith(_folder + "/" + kind + "/", StringComparison.Ordinal);

    private static string FileNameWithoutExtension(string path)
    {
        string name = path.Substring(path.LastIndexOf('/') + 1);
        return name.Substring(0, name.Length - ".json".Length);
    }

    private static string CombineRelative(string fromFile, string relative) =>
        fromFile.Substring(0, fromFile.LastIndexOf('/') + 1) + relative;

    private static string Normalize(string path)
    {
        var output = new List<string>();
        foreach (string segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (segment != "." && (segment.Length > 0 || output.Count == 0))
            {
                output.Add(segment);
            }
        }

        return string.Join("/", output);
    }

    private void Report(DiagnosticDescriptor descriptor, string path, int line, int column, params string[] messageArguments) =>
        _diagnostics.Add(new DiagnosticModel(descriptor, new EquatableArray<string>(messageArguments), path, line, column));

    private ProviderResult Result(ProviderModel? provider) =>
        new(_folder, provider, new EquatableArray<DiagnosticModel>(_diagnostics));
}
