using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.RegularExpressions;
using LoanWebhooks.Sdk.Diagnostics;
using LoanWebhooks.Sdk.Tests.Docs;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>
/// The instruments a dashboard is built on are the README's Observability table, name for name and unit for unit:
/// renaming one breaks a user's queries, so it fails here first.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class InstrumentCatalogTests
{
    [Fact]
    public void The_sdks_meter_publishes_exactly_the_instruments_the_readme_table_lists_with_their_units()
    {
        var published = new List<(string Name, string? Unit)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == WebhookTelemetry.Name)
                {
                    published.Add((instrument.Name, instrument.Unit));
                }
            },
        };
        _ = WebhookTelemetry.Deliveries;

        listener.Start();

        // The background queue's gauges belong to the ASP.NET Core package (tested there); every other row is the SDK's.
        var documented = ReadmeInstruments().Where(i => !i.Name.StartsWith("loanwebhooks.background_queue.", StringComparison.Ordinal));
        Assert.Equal(documented.OrderBy(i => i.Name, StringComparer.Ordinal), published.Distinct().OrderBy(i => i.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void The_meter_and_the_activity_source_are_both_named_LoanWebhooks_Sdk()
    {
        Assert.Equal("LoanWebhooks.Sdk", WebhookTelemetry.Meter.Name);
        Assert.Equal("LoanWebhooks.Sdk", WebhookTelemetry.Source.Name);
        Assert.Contains("`LoanWebhooks.Sdk`", RepositoryFiles.ReadAllText("README.md"), StringComparison.Ordinal);
    }

    /// <summary>The instruments table of the README's Observability section: a row may name two instruments with one unit.</summary>
    private static IEnumerable<(string Name, string? Unit)> ReadmeInstruments() =>
        ReadmeTable.FirstUnder(RepositoryFiles.ReadAllText("README.md"), "## Observability")
            .Skip(1)
            .SelectMany(cells => Regex.Matches(cells[0], "`([^`]+)`")
                .Select(name => (name.Groups[1].Value, (string?)Regex.Match(cells[1], "`([^`]+)`").Groups[1].Value)));
}
