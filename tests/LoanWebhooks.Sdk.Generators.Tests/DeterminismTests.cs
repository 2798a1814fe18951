using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>The same schemas give the same bytes, whatever the run, the file order, the machine or the clone's folder.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Two_runs_over_the_same_schemas_generate_byte_identical_sources()
    {
        var schemas = GeneratorHarness.RealSchemas();

        var first = GeneratorHarness.Run(schemas);
        var second = GeneratorHarness.Run(schemas);

        AssertSameOutput(first, second);
    }

    [Fact]
    public void Reversing_the_order_of_the_schema_files_generates_byte_identical_sources()
    {
        var schemas = GeneratorHarness.RealSchemas();

        var inOrder = GeneratorHarness.Run(schemas);
        var reversed = GeneratorHarness.Run(schemas.Reverse());

        AssertSameOutput(inOrder, reversed);
    }

    [Fact]
    public void Moving_the_clone_to_another_folder_generates_byte_identical_sources()
    {
        var schemas = GeneratorHarness.RealSchemas();

        var here = GeneratorHarness.Run(schemas);
        var elsewhere = GeneratorHarness.Run(Rebase(schemas, "/home/someone/src/LoanWebhooks.Sdk/schemas/", '/'));

        AssertSameOutput(here, elsewhere);
    }

    [Fact]
    public void A_clone_on_Windows_generates_byte_identical_sources()
    {
        var schemas = GeneratorHarness.RealSchemas();

        var unix = GeneratorHarness.Run(schemas);
        var windows = GeneratorHarness.Run(Rebase(schemas, @"C:\src\LoanWebhooks.Sdk\schemas\", '\\'));

        AssertSameOutput(unix, windows);
    }

    [Fact]
    public void Generated_sources_end_every_line_with_a_single_newline_character()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.RealSchemas());

        Assert.All(result.GeneratedSources, s => Assert.DoesNotContain('\r', s.SourceText.ToString()));
    }

    /// <summary>The real schema files with <c>…/schemas/</c> and everything before it replaced by <paramref name="schemasFolder"/>.</summary>
    private static ImmutableArray<AdditionalText> Rebase(ImmutableArray<AdditionalText> schemas, string schemasFolder, char separator)
    {
        string root = Path.Combine(AppContext.BaseDirectory, "schemas") + Path.DirectorySeparatorChar;
        return schemas
            .Select(s => (AdditionalText)new InMemoryAdditionalText(
                schemasFolder + s.Path.Substring(root.Length).Replace(Path.DirectorySeparatorChar, separator),
                s.GetText()!.ToString()))
            .ToImmutableArray();
    }

    private static void AssertSameOutput(GeneratorRunResult expected, GeneratorRunResult actual)
    {
        Assert.True(expected.Diagnostics.IsEmpty && actual.Diagnostics.IsEmpty, GeneratorAssert.FormatAll(expected) + "\n" + GeneratorAssert.FormatAll(actual));
        Assert.Equal(expected.GeneratedSources.Select(s => s.HintName), actual.GeneratedSources.Select(s => s.HintName));
        for (int i = 0; i < expected.GeneratedSources.Length; i++)
        {
            var left = expected.GeneratedSources[i].SourceText;
            var right = actual.GeneratedSources[i].SourceText;
            Assert.Equal(left.ToString(), right.ToString());
            Assert.Equal(left.Encoding?.WebName, right.Encoding?.WebName);
            Assert.Equal(left.GetChecksum().ToArray(), right.GetChecksum().ToArray());
        }
    }
}
