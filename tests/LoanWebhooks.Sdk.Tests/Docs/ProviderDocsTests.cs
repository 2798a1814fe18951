using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LoanWebhooks.Sdk.Parsing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>
/// What the README and the XML docs say about each provider (how many events are typed, the discriminator, the
/// deduplication id) is what <c>schemas/&lt;provider&gt;/</c> declares, so the docs cannot drift from the schemas.
/// </summary>
public sealed class ProviderDocsTests
{
    private static readonly IReadOnlyList<SchemaProvider> Providers = SchemaProvider.ReadAll();

    public static TheoryData<string> ProviderFolders() => new(SchemaProvider.ReadAll().Select(p => p.Folder));

    [Fact]
    public void The_readme_providers_table_has_one_row_per_schema_folder()
    {
        var rows = ReadmeRows();

        Assert.Equal(Providers.Count, rows.Count);
        Assert.All(Providers, provider => Assert.Single(rows, row => Names(row, provider)));
    }

    [Theory]
    [MemberData(nameof(ProviderFolders))]
    public void The_readme_counts_one_typed_event_per_event_schema(string folder)
    {
        var provider = ProviderIn(folder);

        var cell = RowOf(provider).TypedEventTypes;

        var count = Regex.Match(cell, @"\*\*(\d+) of (\d+)\*\*");
        Assert.True(count.Success, $"The {provider.Name} row states no \"**N of N**\" count: {cell}");
        Assert.Equal(provider.EventSchemaCount, int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(provider.EventSchemaCount, int.Parse(count.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(ProviderFolders))]
    public void The_generated_parser_knows_one_event_type_per_event_schema(string folder)
    {
        var provider = ProviderIn(folder);

        var parser = BuiltInWebhookParsers.Default(provider.Provider);

        Assert.Equal(provider.EventSchemaCount, parser.EventTypes.Count);
    }

    [Theory]
    [MemberData(nameof(ProviderFolders))]
    public void The_readme_names_the_discriminator_provider_json_declares(string folder)
    {
        var provider = ProviderIn(folder);

        var cell = RowOf(provider).Discriminator;

        Assert.Equal(provider.DiscriminatorAsWritten, Regex.Match(cell, "`([^`]+)`").Groups[1].Value);
        Assert.Equal(provider.DiscriminatorOptional, cell.Contains("(optional", StringComparison.Ordinal));
        Assert.Equal(provider.DiscriminatorVersioned, cell.Contains("(versioned", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_names_each_deduplication_id_provider_json_declares()
    {
        // "How it works" lists them in one parenthesis: (`IdempotencyKey`: receeve's `payload.messageId`, …).
        string readme = RepositoryFiles.ReadAllText("README.md");
        int start = readme.IndexOf("(`IdempotencyKey`:", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md no longer lists the deduplication ids after (`IdempotencyKey`:.");
        string list = readme.Substring(start, readme.IndexOf(')', start) - start);

        var named = Regex.Matches(list, @"(\w+)'s `([^`]+)`").Select(m => IdAsNamed(m.Groups[1].Value, m.Groups[2].Value));

        Assert.Equal(DeclaredIds(), named.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_idempotency_key_doc_comment_names_each_deduplication_id_provider_json_declares()
    {
        string summary = IdempotencyKeySummary();

        var named = Regex.Matches(summary, @"(\w+)'s <c>([^<]+)</c>").Select(m => IdAsNamed(m.Groups[1].Value, m.Groups[2].Value));
        var withoutId = Regex.Match(summary, @"defines\s+none \(([^)]*)\)").Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(DeclaredIds(), named.Order(StringComparer.Ordinal));
        Assert.Equal(
            Providers.Where(p => p.IdempotencyKey is null).Select(p => p.Name.ToUpperInvariant()).Order(StringComparer.Ordinal),
            withoutId.Select(name => name.ToUpperInvariant()).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<ReadmeProviderRow> ReadmeRows() =>
        ReadmeProviderRow.ReadAll(RepositoryFiles.ReadAllText("README.md"));

    private static SchemaProvider ProviderIn(string folder) => Providers.Single(p => p.Folder == folder);

    private static ReadmeProviderRow RowOf(SchemaProvider provider) => ReadmeRows().Single(row => Names(row, provider));

    // Rows name the provider as its users know it ("Canopy Servicing", "receeve"); x-provider is its C# name.
    private static bool Names(ReadmeProviderRow row, SchemaProvider provider) =>
        row.Provider.StartsWith(provider.Name, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> DeclaredIds() =>
        Providers.Where(p => p.IdempotencyKey is not null).Select(p => IdAsNamed(p.Name, p.IdempotencyKeyAsWritten!)).Order(StringComparer.Ordinal);

    private static string IdAsNamed(string provider, string id) => $"{provider.ToUpperInvariant()}: {id}";

    /// <summary>The summary of <c>WebhookEvent.IdempotencyKey</c> as written in its source, without the <c>///</c>.</summary>
    private static string IdempotencyKeySummary()
    {
        string source = RepositoryFiles.ReadAllText("src/LoanWebhooks.Sdk/Events/WebhookEvent.cs");
        int member = source.IndexOf("public string? IdempotencyKey", StringComparison.Ordinal);
        Assert.True(member >= 0, "WebhookEvent no longer declares IdempotencyKey.");
        int summary = source.LastIndexOf("/// <summary>", member, StringComparison.Ordinal);
        return Regex.Replace(source.Substring(summary, member - summary), @"\s*///\s*", " ");
    }
}
