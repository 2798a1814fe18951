using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LoanWebhooks.Tool;

/// <summary>
/// <c>loanwebhooks schema &lt;event type&gt;</c>: an event's members from its schema — path, JSON type, whether it is
/// required, and whether it is sensitive (<c>x-sensitive</c>: personal or secret data to keep out of logs).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var eventType = new Argument<string>("event type")
        {
            Description = "The event type, e.g. event.claim.created.v1 ('loanwebhooks events' lists them; aliases work too).",
        };
        var provider = CommonOptions.OptionalProvider("The provider, when the event type alone is ambiguous: payitoff, canopy, spinwheel or receeve.");
        var json = CommonOptions.Json();
        var command = new Command("schema", "Show an event's members: path, JSON type, required, and which are sensitive (keep them out of logs).")
        {
            eventType, provider, json,
        };
        command.SetAction(parsed => Commands.Run(parsed, output =>
        {
            string? providerName = parsed.GetValue(provider);
            EventCatalogEntry entry = Find(parsed.GetValue(eventType)!, providerName);
            IReadOnlyList<SchemaMember> members = EventSchemas.MembersOf(entry.Provider, entry.Info.EventType)
                ?? throw new InvalidOperationException($"The tool embeds no schema for {entry.ProviderName} {entry.Info.EventType}, which the SDK knows: the tool was built from other schemas than the SDK.");
            if (parsed.GetValue(json))
            {
                WriteJson(output, entry, members);
            }
            else
            {
                WriteText(output, entry, members);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static EventCatalogEntry Find(string eventType, string? providerName)
    {
        var matches = EventCatalogEntry.For(providerName is null ? null : CommonOptions.ToProvider(providerName))
            .Where(e => e.Info.EventType == eventType || e.Info.Aliases.Contains(eventType, StringComparer.Ordinal))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UsageException(
                $"'{eventType}' is not an event type {(providerName is null ? "any provider sends" : providerName + " sends")}; 'loanwebhooks events' lists them (names are case-sensitive)."),
            _ => throw new UsageException(
                $"'{eventType}' is an event type of {string.Join(" and ", matches.Select(m => m.ProviderName))}: pass --provider to choose."),
        };
    }

    private static void WriteText(TextWriter output, EventCatalogEntry entry, IReadOnlyList<SchemaMember> members)
    {
        string family = entry.FamilyRecord is null ? string.Empty : $", family {entry.Family} ({entry.FamilyRecord.Name})";
        output.WriteLine($"{entry.ProviderName} {entry.Info.EventType}: {entry.Info.EventClrType.Name}{family}");
        int pathWidth = members.Max(m => m.Path.Length);
        int typeWidth = members.Max(m => m.JsonType.Length);
        foreach (SchemaMember member in members)
        {
            string line = $"  {member.Path.PadRight(pathWidth)}  {member.JsonType.PadRight(typeWidth)}  {(member.Required ? "required" : "optional")}{(member.Sensitive ? "  sensitive" : string.Empty)}";
            output.WriteLine(line.TrimEnd());
        }

        int sensitive = members.Count(m => m.Sensitive);
        output.WriteLine($"{members.Count} members, {sensitive} sensitive (personal or secret data: ToString() prints *** for them; keep them out of logs).");
        output.WriteLine("required: required in the object that holds it. [] stands for any element of an array.");
    }

    private static void WriteJson(TextWriter output, EventCatalogEntry entry, IReadOnlyList<SchemaMember> members)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", entry.ProviderName);
            writer.WriteString("eventType", entry.Info.EventType);
            writer.WriteString("record", entry.Info.EventClrType.Name);
            writer.WriteString("family", entry.Family);
            writer.WriteString("familyRecord", entry.FamilyRecord?.Name);
            writer.WriteStartArray("members");
            foreach (SchemaMember member in members)
            {
                writer.WriteStartObject();
                writer.WriteString("path", member.Path);
                writer.WriteString("type", member.JsonType);
                writer.WriteBoolean("required", member.Required);
                writer.WriteBoolean("sensitive", member.Sensitive);
                writer.WriteString("description", member.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
