using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LoanWebhooks.Sdk.Generators.Tests.Harness;

/// <summary>Compiles generated sources the way the SDK project does: against the runtime, with docs and nullable on.</summary>
internal static class RuntimeCompilation
{
    /// <summary>
    /// A name the runtime grants no InternalsVisibleTo, so every compilation here proves that generated code needs
    /// only the SDK's public surface, as it does in a user's project that brings a provider of its own.
    /// </summary>
    public const string AssemblyName = "LoanWebhooks.GeneratedCode";

    /// <summary>
    /// Warnings that say nothing about the generated code: CS1701/CS1702 (version unification, which the .NET SDK
    /// silences by default; the runtime is built for net8.0, the test host is newer) and CS0436 (the runtime already
    /// contains the types generated from the real schemas; the ones compiled here win, as intended).
    /// </summary>
    public static readonly ImmutableArray<string> IgnoredWarnings = ImmutableArray.Create("CS1701", "CS1702", "CS0436");

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpCompilation Compile(GeneratorRunResult result)
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var trees = result.GeneratedSources.Select(s => CSharpSyntaxTree.ParseText(s.SourceText, parseOptions, path: s.HintName));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithMetadataImportOptions(MetadataImportOptions.All)
            .WithSpecificDiagnosticOptions(IgnoredWarnings.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));
        return CSharpCompilation.Create(AssemblyName, trees, References.Value, options);
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.ToString()));

    /// <summary>The test host's own framework (Basic.Reference.Assemblies is not available) plus the runtime assembly.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The host did not publish TRUSTED_PLATFORM_ASSEMBLIES.");
        string runtime = typeof(WebhookEvent).Assembly.Location;
        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !string.Equals(Path.GetFileName(path), Path.GetFileName(runtime), StringComparison.OrdinalIgnoreCase))
            .Append(runtime)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
