using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using LoanWebhooks.Tool;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

public sealed class EventsTests
{
    [Fact]
    public void Every_provider_event_type_is_listed_115_in_all()
    {
        var run = ToolRun.Of("events", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var perProvider = json.RootElement.GetProperty("eventTypes").EnumerateArray()
            .GroupBy(e => e.GetProperty("provider").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(115, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["payitoff"] = 11, ["canopy"] = 11, ["spinwheel"] = 17, ["receeve"] = 76 }, perProvider);
    }

    [Fact]
    public void An_event_is_listed_with_its_record_and_family_record()
    {
        var run = ToolRun.Of("events", "--provider", "receeve");

        Assert.Equal(0, run.ExitCode);
        string line = run.Output.Split('\n').Single(l => l.TrimStart().StartsWith("event.claim.created.v1 ", System.StringComparison.Ordinal));
        Assert.Contains("ReceeveClaimCreatedEvent", line);
        Assert.Contains("family Claim (ReceeveClaimEvent)", line);
        Assert.Contains("receeve (76 event types)", run.Output);
        Assert.DoesNotContain("payitoff", run.Output);
    }

    [Fact]
    public void The_family_of_every_event_is_the_x_family_of_its_schema()
    {
        var schemaFamilies = SchemaFiles()
            .Where(s => s.RootElement.TryGetProperty("x-event-type", out _))
            .ToDictionary(
                s => s.RootElement.GetProperty("x-event-type").GetString()!,
                s => s.RootElement.TryGetProperty("x-family", out JsonElement family) ? family.GetString() : null);

        var run = ToolRun.Of("events", "--json");

        using var json = JsonDocument.Parse(run.Output);
        foreach (JsonElement entry in json.RootElement.GetProperty("eventTypes").EnumerateArray())
        {
            string eventType = entry.GetProperty("eventType").GetString()!;
            Assert.Equal(schemaFamilies[eventType], entry.GetProperty("family").GetString());
        }
    }

    private static IEnumerable<JsonDocument> SchemaFiles()
    {
        var assembly = typeof(LoanWebhooksCommandLine).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.Contains("/events/", System.StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            yield return JsonDocument.Parse(stream);
        }
    }
}
