using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Tool;

/// <summary>
/// The repository's schemas (<c>schemas/&lt;provider&gt;/events|objects/*.json</c>), embedded in the tool when it is
/// built, read into a flat list of members. The SDK compiles the schemas into records but does not expose what only
/// the schemas say (<c>x-sensitive</c>, <c>required</c>), so the tool reads the same files the generator reads.
/// </summary>
internal static class EventSchemas
{
    private const string Prefix = "schemas/";
    private static readonly Lazy<Dictionary<string, JsonElement>> Files = new(Load);

    /// <summary>The members of an event type's schema, in schema order, depth first.</summary>
    /// <returns>Null when the provider has no schema for that event type.</returns>
    public static IReadOnlyList<SchemaMember>? MembersOf(WebhookProvider provider, string eventType)
    {
        string folder = $"{Prefix}{provider.ToString().ToLowerInvariant()}/events/";
        foreach (var (name, schema) in Files.Value)
        {
            if (name.StartsWith(folder, StringComparison.Ordinal)
                && schema.TryGetProperty("x-event-type", out JsonElement type)
                && type.GetString() == eventType)
            {
                var members = new List<SchemaMember>();
                var references = new Stack<string>();
                references.Push(name);
                AddProperties(schema, name, string.Empty, members, references);
                return members;
            }
        }

        return null;
    }

    private static void AddProperties(JsonElement objectSchema, string file, string path, List<SchemaMember> members, Stack<string> references)
    {
        if (!objectSchema.TryGetProperty("properties", out JsonElement properties))
        {
            return;
        }

        var required = objectSchema.TryGetProperty("required", out JsonElement list)
            ? list.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string?>(StringComparer.Ordinal);
        foreach (JsonProperty property in properties.EnumerateObject())
        {
            string memberPath = path.Length == 0 ? property.Name : path + "." + property.Name;
            AddMember(property.Value, file, memberPath, required.Contains(property.Name), members, references);
        }
    }

    private static void AddMember(JsonElement schema, string file, string path, bool required, List<SchemaMember> members, Stack<string> references)
    {
        // A property's own keywords (description, x-sensitive) sit beside its $ref and win over the referenced object's.
        bool sensitive = IsSensitive(schema);
        string? description = StringOf(schema, "description");
        (JsonElement resolved, string resolvedFile) = Resolve(schema, file);
        sensitive |= IsSensitive(resolved);
        description ??= StringOf(resolved, "description");

        if (StringOf(schema, "$ref") is not null && references.Contains(resolvedFile))
        {
            // An object that contains itself (a tree of notes, say) is listed once, not forever.
            members.Add(new SchemaMember(path, "object (recursive)", required, sensitive, description));
            return;
        }

        members.Add(new SchemaMember(path, TypeOf(resolved, resolvedFile), required, sensitive, description));
        references.Push(resolvedFile);
        AddProperties(resolved, resolvedFile, path, members, references);
        if (resolved.TryGetProperty("items", out JsonElement items))
        {
            (JsonElement item, string itemFile) = Resolve(items, resolvedFile);
            references.Push(itemFile);
            AddProperties(item, itemFile, path + "[]", members, references);
            references.Pop();
        }

        references.Pop();
    }

    private static string TypeOf(JsonElement schema, string file)
    {
        string type = schema.TryGetProperty("type", out JsonElement value)
            ? value.ValueKind == JsonValueKind.Array ? string.Join("|", value.EnumerateArray().Select(t => t.GetString())) : value.GetString()!
            : "any";
        if (StringOf(schema, "format") is { } format)
        {
            type += $" ({format})";
        }
        else if (StringOf(schema, "x-time-encoding") is { } encoding)
        {
            type += $" ({encoding})";
        }

        if (schema.TryGetProperty("items", out JsonElement items))
        {
            (JsonElement item, string itemFile) = Resolve(items, file);
            type = type.Replace("array", "array of " + TypeOf(item, itemFile), StringComparison.Ordinal);
        }

        return type;
    }

    /// <summary>Follows a <c>$ref</c> (a path relative to the referring file, as the generator reads it).</summary>
    private static (JsonElement Schema, string File) Resolve(JsonElement schema, string file)
    {
        if (StringOf(schema, "$ref") is not { } reference)
        {
            return (schema, file);
        }

        string target = Normalize(file[..(file.LastIndexOf('/') + 1)] + reference);
        return Files.Value.TryGetValue(target, out JsonElement resolved)
            ? Resolve(resolved, target)
            : throw new InvalidOperationException($"The schema {file} refers to {target}, which the tool does not embed.");
    }

    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment == "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join("/", segments);
    }

    private static bool IsSensitive(JsonElement schema) =>
        schema.TryGetProperty("x-sensitive", out JsonElement value) && value.ValueKind == JsonValueKind.True;

    private static string? StringOf(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static Dictionary<string, JsonElement> Load()
    {
        var assembly = typeof(EventSchemas).Assembly;
        var files = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using JsonDocument document = JsonDocument.Parse(stream);
            files.Add(name, document.RootElement.Clone());
        }

        return files;
    }
}
