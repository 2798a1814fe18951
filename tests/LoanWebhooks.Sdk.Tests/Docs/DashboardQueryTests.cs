using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LoanWebhooks.Sdk.Diagnostics;
using LoanWebhooks.Sdk.Tests.Diagnostics;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>
/// The README's dashboard queries (PromQL) name metrics and labels "as the OpenTelemetry Prometheus exporter names
/// them: dots become underscores, counters get <c>_total</c>, the duration histogram <c>_seconds_bucket</c>". No
/// exporter runs here; what is checked is that each name and label in the queries follows by that rule from an
/// instrument of the README's table and a tag the SDK writes, so renaming either breaks this test before a dashboard.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class DashboardQueryTests
{
    [Fact]
    public void Every_metric_a_dashboard_query_names_is_an_instrument_of_the_table_under_the_exporters_naming()
    {
        var metrics = PrometheusMetricNames();

        var named = Regex.Matches(Queries(), @"\bloanwebhooks_[a-z0-9_]+").Select(m => m.Value).Distinct().ToList();

        Assert.True(named.Count >= 8, $"Only {named.Count} metric names found in the README's PromQL block.");
        Assert.All(named, name => Assert.True(metrics.Contains(name), $"{name} follows from no instrument of the README's table; the exporter would publish: {string.Join(", ", metrics.Order(StringComparer.Ordinal))}"));
    }

    [Fact]
    public void Every_label_a_dashboard_query_uses_is_a_tag_the_sdk_writes_under_the_exporters_naming()
    {
        var labels = typeof(WebhookTelemetry).Assembly.GetType("LoanWebhooks.Sdk.Diagnostics.WebhookTelemetryTags", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && value.Contains('.', StringComparison.Ordinal))
            .Select(f => ((string)f.GetRawConstantValue()!).Replace('.', '_'))
            .Append("le")   // the histogram's bucket bound, added by the exporter
            .ToHashSet(StringComparer.Ordinal);
        string queries = Queries();

        var used = Regex.Matches(queries, @"\bby \(([^)]*)\)").SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))
            .Concat(Regex.Matches(queries, @"[{,]\s*([a-z_]+)\s*=~?").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.True(used.Count >= 6, $"Only {used.Count} labels found in the README's PromQL block.");
        Assert.All(used, label => Assert.True(labels.Contains(label), $"The label {label} is no tag the SDK writes (as the exporter names tags: dots become underscores)."));
    }

    /// <summary>
    /// What the exporter calls each instrument of the README's table: a counter <c>_total</c>; a histogram its
    /// <c>_bucket</c>, <c>_sum</c> and <c>_count</c> series; the unit <c>s</c> adds <c>_seconds</c>, a <c>{…}</c>
    /// annotation nothing. The kind comes from the SDK's meter; the two background-queue gauges belong to the ASP.NET
    /// Core package (their names and units are tested there).
    /// </summary>
    private static HashSet<string> PrometheusMetricNames()
    {
        var kinds = new Dictionary<string, Type>(StringComparer.Ordinal);
        using (var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == WebhookTelemetry.Name)
                {
                    kinds[instrument.Name] = instrument.GetType().GetGenericTypeDefinition();
                }
            },
        })
        {
            _ = WebhookTelemetry.Deliveries;
            listener.Start();
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (instrument, unit) in ReadmeInstruments())
        {
            string name = instrument.Replace('.', '_') + (unit == "s" ? "_seconds" : "");
            Type kind = kinds.TryGetValue(instrument, out Type? published)
                ? published
                : instrument.StartsWith("loanwebhooks.background_queue.", StringComparison.Ordinal) ? typeof(ObservableGauge<>) : throw new InvalidOperationException($"The SDK's meter does not publish {instrument}.");
            if (kind == typeof(Counter<>))
            {
                names.Add(name + "_total");
            }
            else if (kind == typeof(Histogram<>))
            {
                names.UnionWith(new[] { name + "_bucket", name + "_sum", name + "_count" });
            }
            else
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The instruments table of the README's Observability section: a row may name two instruments with one unit.</summary>
    private static IEnumerable<(string Name, string Unit)> ReadmeInstruments() =>
        ReadmeTable.FirstUnder(RepositoryFiles.ReadAllText("README.md"), "## Observability")
            .Skip(1)
            .SelectMany(cells => Regex.Matches(cells[0], "`([^`]+)`")
                .Select(name => (name.Groups[1].Value, Regex.Match(cells[1], "`([^`]+)`").Groups[1].Value)));

    /// <summary>The README's one <c>```promql</c> block, comments left out.</summary>
    private static string Queries()
    {
        string readme = RepositoryFiles.ReadAllText("README.md").ReplaceLineEndings("\n");
        int start = readme.IndexOf("```promql\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no ```promql block.");
        int end = readme.IndexOf("\n```", start + 10, StringComparison.Ordinal);
        return string.Join("\n", readme[(start + 10)..end].Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
    }
}
