using System;
using System.Collections.Generic;
using System.Linq;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>The Markdown tables of the README that tests hold the code to, read cell by cell as written.</summary>
internal static class ReadmeTable
{
    /// <summary>
    /// The first table after the line <paramref name="heading"/> (e.g. <c>## Providers</c>): its header row first, then
    /// its body rows (the <c>|---|</c> rule left out), each a list of trimmed cells.
    /// </summary>
    /// <exception cref="InvalidOperationException">The README has no such heading, or no table under it.</exception>
    public static IReadOnlyList<IReadOnlyList<string>> FirstUnder(string readme, string heading)
    {
        var lines = readme.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        int at = lines.FindIndex(line => line.Trim() == heading);
        if (at < 0)
        {
            throw new InvalidOperationException($"README.md has no '{heading}' section.");
        }

        var table = lines.Skip(at + 1)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .Select(Cells)
            .ToList();
        if (table.Count < 2)
        {
            throw new InvalidOperationException($"README.md has no table under '{heading}'.");
        }

        return table.Take(1).Concat(table.Skip(2)).ToList();
    }

    private static IReadOnlyList<string> Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
}
