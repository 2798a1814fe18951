using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LoanWebhooks.Sdk.Generators.Tests.Harness;

/// <summary>Runs <see cref="WebhookSchemaGenerator"/> the way the compiler does, over schema files held in memory.</summary>
internal static class GeneratorHarness
{
    /// <summary>The language version the SDK compiles its generated code with.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    /// <summary>A driver that records every pipeline step, so tests can ask what was cached.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> schemaFiles) =>
        CSharpGeneratorDriver.Create(
            new[] { new WebhookSchemaGenerator().AsSourceGenerator() },
            additionalTexts: schemaFiles,
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>The generator reads nothing from the compilation, so an empty one is enough.</summary>
    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("GeneratorInput", syntaxTrees: null, references: null, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Runs the generator once over <paramref name="schemaFiles"/> and returns its only result.</summary>
    public static GeneratorRunResult Run(IEnumerable<AdditionalText> schemaFiles) =>
        CreateDriver(schemaFiles).RunGenerators(EmptyCompilation()).GetRunResult().Results.Single();

    /// <summary>The generated sources, keyed by hint name.</summary>
    public static IReadOnlyDictionary<string, string> SourcesByHintName(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// Every schema file of the real provider folders copied to the test output (<c>schemas/&lt;provider&gt;/…</c>),
    /// in ordinal path order, with their real paths.
    /// </summary>
    public static ImmutableArray<AdditionalText> RealSchemas(string? provider = null)
    {
        string root = Path.Combine(AppContext.BaseDirectory, "schemas");
        string folder = provider is null ? root : Path.Combine(root, provider);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"'{folder}' does not exist: the test project must copy schemas/**/*.json to its output.");
        }

        return Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (AdditionalText)new InMemoryAdditionalText(path, File.ReadAllText(path)))
            .ToImmutableArray();
    }
}
