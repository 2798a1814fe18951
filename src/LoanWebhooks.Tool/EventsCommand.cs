using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Tool;

/// <summary>
/// <c>loanwebhooks events</c>: every event type each provider sends, from the SDK's parsers, with the record it parses
/// to and the family record a handler can take instead.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var provider = CommonOptions.OptionalProvider("Only this provider's event types: payitoff, canopy, spinwheel or receeve.");
        var json = CommonOptions.Json();
        var command = new Command("events", "List the event types each provider sends, with the record each parses to and its family.")
        {
            provider, json,
        };
        command.SetAction(parsed => Commands.Run(parsed, output =>
        {
            string? name = parsed.GetValue(provider);
            IReadOnlyList<EventCatalogEntry> entries = EventCatalogEntry.For(name is null ? null : CommonOptions.ToProvider(name));
            if (parsed.GetValue(json))
            {
                WriteJson(output, entries);
            }
            else
            {
                WriteText(output, entries);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, IReadOnlyList<EventCatalogEntry> entries)
    {
        int typeWidth = entries.Max(e => e.Info.EventType.Length);
        int recordWidth = entries.Max(e => e.Info.EventClrType.Name.Length);
        foreach (var group in entries.GroupBy(e => e.Provider))
        {
            output.WriteLine($"{group.First().ProviderName} ({group.Count()} event types)");
            foreach (EventCatalogEntry entry in group)
            {
                string family = entry.FamilyRecord is null ? "(no family)" : $"family {entry.Family} ({entry.FamilyRecord.Name})";
                string aliases = entry.Info.Aliases.Count == 0 ? string.Empty : $"  also {string.Join(", ", entry.Info.Aliases)}";
                output.WriteLine($"  {entry.Info.EventType.PadRight(typeWidth)}  {entry.Info.EventClrType.Name.PadRight(recordWidth)}  {family}{aliases}");
            }
        }

        output.WriteLine($"{entries.Count} event types. 'loanwebhooks schema <event type>' shows an event's members.");
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<EventCatalogEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("count", entries.Count);
            writer.WriteStartArray("eventTypes");
            foreach (EventCatalogEntry entry in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("provider", entry.ProviderName);
                writer.WriteString("eventType", entry.Info.EventType);
                writer.WriteString("record", entry.Info.EventClrType.Name);
                writer.WriteString("family", entry.Family);
                writer.WriteString("familyRecord", entry.FamilyRecord?.Name);
                writer.WriteStartArray("aliases");
                foreach (string alias in entry.Info.Aliases)
                {
                    writer.WriteStringValue(alias);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
