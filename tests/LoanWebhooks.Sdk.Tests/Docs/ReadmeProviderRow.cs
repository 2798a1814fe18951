using System;
using System.Collections.Generic;
using System.Linq;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>One row of the README's Providers table, cell by cell as written.</summary>
/// <param name="Provider">The first cell, e.g. <c>Canopy Servicing</c>.</param>
/// <param name="Discriminator">The discriminator cell, e.g. <c>`eventType` (optional: …)</c>.</param>
/// <param name="TypedEventTypes">The typed-event-types cell, e.g. <c>**11 of 11** documented (…)</c>.</param>
internal sealed record ReadmeProviderRow(string Provider, string Discriminator, string TypedEventTypes)
{
    private const string SectionHeading = "## Providers";

    /// <summary>The rows of the first table under <c>## Providers</c> in <paramref name="readme"/>, header and rule left out.</summary>
    public static IReadOnlyList<ReadmeProviderRow> ReadAll(string readme)
    {
        var table = ReadmeTable.FirstUnder(readme, SectionHeading);
        var header = table[0];
        int provider = Column(header, "provider");
        int discriminator = Column(header, "discriminator");
        int typed = Column(header, "typed event types");
        return table.Skip(1).Select(row => new ReadmeProviderRow(row[provider], row[discriminator], row[typed])).ToList();
    }

    private static int Column(IReadOnlyList<string> header, string name)
    {
        int index = header.ToList().FindIndex(cell => string.Equals(cell, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new InvalidOperationException($"The Providers table has no '{name}' column.");
    }
}
