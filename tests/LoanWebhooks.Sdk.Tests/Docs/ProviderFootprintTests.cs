using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>
/// The README's "Adding a provider" table is the whole footprint of a provider: for every provider in
/// <c>schemas/*/provider.json</c> the files it calls new exist, and no C# file outside the table names the provider in
/// code. A hand-written switch over providers anywhere else fails here, naming the file.
/// </summary>
public sealed class ProviderFootprintTests
{
    private static readonly string[] ScannedFolders = { "src", "samples" };

    public static TheoryData<string> Providers() => new(SchemaProvider.ReadAll().Select(p => p.Folder));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_file_the_readme_calls_new_exists_for_the_provider(string folder)
    {
        SchemaProvider provider = SchemaProvider.ReadAll().Single(p => p.Folder == folder);
        var repositoryFiles = AllFiles();

        var missing = FootprintTable.Rows.Where(row => row.Kind == "new")
            .SelectMany(row => row.Patterns)
            .Where(pattern => !repositoryFiles.Any(file => Matches(pattern, provider, file)))
            .ToList();

        Assert.True(missing.Count == 0, $"{provider.Name} lacks what the README's 'Adding a provider' table calls new: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void No_csharp_file_outside_the_readme_table_names_the_provider_in_code(string folder)
    {
        SchemaProvider provider = SchemaProvider.ReadAll().Single(p => p.Folder == folder);
        var allowed = FootprintTable.Rows.SelectMany(row => row.Patterns).ToList();
        var name = new Regex($@"\b{provider.Name}\w*", RegexOptions.CultureInvariant);

        var naming = AllFiles()
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) && ScannedFolders.Any(f => file.StartsWith(f + "/", StringComparison.Ordinal)))
            .Where(file => name.IsMatch(CSharpCode.WithoutCommentsAndLiterals(RepositoryFiles.ReadAllText(file))))
            .Where(file => !allowed.Any(pattern => Matches(pattern, provider, file)))
            .ToList();

        Assert.True(naming.Count == 0, $"These files name {provider.Name} in code but are not in the README's 'Adding a provider' table: {string.Join(", ", naming)}");
    }

    [Fact]
    public void The_runtime_packages_name_no_provider_in_code_outside_the_provider_folders()
    {
        var names = new Regex(@"\b(" + string.Join("|", SchemaProvider.ReadAll().Select(p => p.Name)) + @")\w*", RegexOptions.CultureInvariant);
        string[] runtime = { "src/LoanWebhooks.Sdk/", "src/LoanWebhooks.Sdk.AspNetCore/", "src/LoanWebhooks.Sdk.Redis/", "src/LoanWebhooks.Sdk.Generators/" };

        var naming = AllFiles()
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) && runtime.Any(r => file.StartsWith(r, StringComparison.Ordinal)))
            .Where(file => !file.StartsWith("src/LoanWebhooks.Sdk/Providers/", StringComparison.Ordinal))
            .Where(file => names.IsMatch(CSharpCode.WithoutCommentsAndLiterals(RepositoryFiles.ReadAllText(file))))
            .ToList();

        Assert.Empty(naming);
    }

    [Fact]
    public void The_code_reader_sees_names_in_code_and_not_in_comments_or_literals()
    {
        const string Source = "// Canopy\n/* Canopy */ var x = \"Canopy\" + @\"Canopy\"\"\" + $\"{Canopy}\" + \"\"\"\nCanopy\n\"\"\" + 'C'; Use(WebhookProvider.Receeve);";

        string code = CSharpCode.WithoutCommentsAndLiterals(Source);

        Assert.DoesNotContain("Canopy", code, StringComparison.Ordinal);
        Assert.Contains("WebhookProvider.Receeve", code, StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="file"/> (relative, forward slashes) fits a table pattern: <c>&lt;P&gt;</c> the provider's name, <c>&lt;p&gt;</c> its folder, <c>*</c> within a folder, <c>**</c> across folders.</summary>
    private static bool Matches(string pattern, SchemaProvider provider, string file)
    {
        string expanded = pattern.Replace("<P>", provider.Name, StringComparison.Ordinal).Replace("<p>", provider.Folder, StringComparison.Ordinal);
        string regex = "^" + Regex.Escape(expanded).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(file, regex, RegexOptions.CultureInvariant);
    }

    /// <summary>Every file of the clone outside build output and .git, relative with forward slashes.</summary>
    private static IReadOnlyList<string> AllFiles() =>
        Directory.EnumerateFiles(RepositoryFiles.Root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" or ".git" or "BenchmarkDotNet.Artifacts" or "artifacts"))
            .ToList();

    /// <summary>The rows of the README's "Adding a provider" table: kind (new, edit, optional) and the backticked paths of its files column.</summary>
    private static class FootprintTable
    {
        public static readonly IReadOnlyList<(string Kind, IReadOnlyList<string> Patterns)> Rows = Read();

        private static IReadOnlyList<(string Kind, IReadOnlyList<string> Patterns)> Read()
        {
            var rows = ReadmeTable.FirstUnder(RepositoryFiles.ReadAllText("README.md"), "### Adding a provider")
                .Skip(1)
                .Where(cells => cells[0] is "new" or "edit" or "optional")
                .Select(cells => (Kind: cells[0], Patterns: (IReadOnlyList<string>)Regex.Matches(cells[1], "`([^`]+)`").Select(m => m.Groups[1].Value).Where(p => p.Contains('/', StringComparison.Ordinal)).ToList()))
                .ToList();
            Assert.True(rows.Count(r => r.Kind == "new") >= 4, "The README's 'Adding a provider' table lost its rows.");
            return rows;
        }
    }
}
