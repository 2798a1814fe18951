using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LoanWebhooks.Sdk.Dispatch;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>
/// The README's delivery table ("What the endpoint answers, and what each provider then does") says, for every
/// outcome, what each provider does with our answer. A provider added to <c>schemas/</c> must get a column there (the
/// "Adding a provider" table lists the edit), and every outcome a row.
/// </summary>
public sealed class DeliveryTableTests
{
    private const string Heading = "### What the endpoint answers, and what each provider then does";

    public static TheoryData<string> ProviderNames() => new(SchemaProvider.ReadAll().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public void Exactly_one_then_column_of_the_delivery_table_names_the_provider(string provider)
    {
        var header = Table()[0];

        // Columns 3 on say what a provider then does: "Canopy then", "Payitoff, Spinwheel, receeve then".
        var naming = header.Skip(2).Where(cell => Regex.IsMatch(cell, $@"\b{Regex.Escape(provider)}\b", RegexOptions.IgnoreCase)).ToList();
        Assert.True(naming.Count == 1, $"The delivery table's header names {provider} in {naming.Count} provider columns: {string.Join(" | ", header)}");
        Assert.All(header.Skip(2), cell => Assert.EndsWith(" then", cell, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_dispatch_outcome_has_a_row_in_the_delivery_table()
    {
        var firstCells = Table().Skip(1).Select(row => row[0]).ToList();

        Assert.All(Enum.GetNames<WebhookDispatchOutcome>(), outcome => Assert.Contains(firstCells, cell => cell.Contains($"`{outcome}`", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_row_of_the_delivery_table_has_a_cell_for_each_column()
    {
        var table = Table();

        Assert.All(table.Skip(1), row => Assert.Equal(table[0].Count, row.Count));
    }

    private static IReadOnlyList<IReadOnlyList<string>> Table() =>
        ReadmeTable.FirstUnder(RepositoryFiles.ReadAllText("README.md"), Heading);
}
