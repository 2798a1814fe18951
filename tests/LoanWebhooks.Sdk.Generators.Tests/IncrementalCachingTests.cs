using System;
using System.Collections.Immutable;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// The generator runs on every keystroke in an IDE, so a run whose schemas did not change must reuse its output,
/// and a change to one provider must not re-emit the others. The generator names no pipeline steps
/// (no WithTrackingName), so these tests look at the source-output steps, which Roslyn always tracks.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string RegistryHintName = "WebhookParsers.g.cs";

    private static readonly ImmutableArray<AdditionalText> TwoProviders =
        SchemaFixtures.SmallProvider("alpha", "Alpha").AddRange(SchemaFixtures.SmallProvider("bravo", "Bravo"));

    [Fact]
    public void Rerunning_with_unchanged_schemas_reuses_every_output()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);

        var rerun = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(OutputReasons(rerun), reason => Assert.True(IsReused(reason), $"Output step was {reason}."));
    }

    [Fact]
    public void Rerunning_after_an_unrelated_code_edit_reuses_every_output()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edited { }", GeneratorHarness.ParseOptions));

        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.All(OutputReasons(rerun), reason => Assert.True(IsReused(reason), $"Output step was {reason}."));
    }

    [Fact]
    public void Reloading_schema_files_with_unchanged_text_reuses_every_output()
    {
        // An IDE hands the generator new AdditionalText objects when files are saved or reloaded.
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        foreach (var file in TwoProviders)
        {
            driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText(file.Path, file.GetText()!.ToString()));
        }

        var rerun = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(OutputReasons(rerun), reason => Assert.True(IsReused(reason), $"Output step was {reason}."));
    }

    [Fact]
    public void Rerunning_with_unchanged_schemas_tracks_at_least_one_output_per_provider()
    {
        // Guards the two tests above: with no tracked outputs, "every output was reused" would pass vacuously.
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);

        var rerun = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.True(OutputReasons(rerun).Count() >= 3, "Expected an output step per provider plus the parser registry.");
    }

    [Fact]
    public void Changing_one_providers_schema_re_emits_only_that_providers_sources()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();
        var bravoEvent = TwoProviders.Single(f => f.Path.EndsWith("bravo/events/thing.happened.json", StringComparison.Ordinal));
        var changed = new InMemoryAdditionalText(bravoEvent.Path, SchemaFixtures.EventJson("thing.happened", member: "reference"));

        var after = driver.ReplaceAdditionalText(bravoEvent, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        var reasons = OutputReasons(after).ToList();
        Assert.Single(reasons, reason => !IsReused(reason));
        Assert.Contains("Reference", Source(after, "Bravo.ThingHappenedEvent.g.cs").ToString(), StringComparison.Ordinal);
        // A reused output hands back the very same SourceText; a re-emitted one is new.
        foreach (var source in after.GeneratedSources.Where(s => s.HintName.StartsWith("Alpha.", StringComparison.Ordinal) || s.HintName == RegistryHintName))
        {
            Assert.Same(Source(before, source.HintName), source.SourceText);
        }
    }

    [Fact]
    public void Reformatting_a_schema_without_changing_its_meaning_re_emits_nothing()
    {
        // The reader's model holds no positions or JSON text, so whitespace-only edits compare equal.
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        var bravoEvent = TwoProviders.Single(f => f.Path.EndsWith("bravo/events/thing.happened.json", StringComparison.Ordinal));
        var reformatted = new InMemoryAdditionalText(bravoEvent.Path, "\n\n" + bravoEvent.GetText()!.ToString().Replace("  ", "\t", StringComparison.Ordinal) + "\n");

        var after = driver.ReplaceAdditionalText(bravoEvent, reformatted).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.All(OutputReasons(after), reason => Assert.True(IsReused(reason), $"Output step was {reason}."));
    }

    [Fact]
    public void Adding_a_provider_leaves_the_other_providers_outputs_reused()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var alphaOnly = SchemaFixtures.SmallProvider("alpha", "Alpha");
        var driver = GeneratorHarness.CreateDriver(alphaOnly).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single();

        var after = driver.AddAdditionalTexts(SchemaFixtures.SmallProvider("bravo", "Bravo")).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Contains(after.GeneratedSources, s => s.HintName == "Bravo.ThingHappenedEvent.g.cs");
        foreach (var source in after.GeneratedSources.Where(s => s.HintName.StartsWith("Alpha.", StringComparison.Ordinal)))
        {
            Assert.Same(Source(before, source.HintName), source.SourceText);
        }
    }

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static System.Collections.Generic.IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);

    private static Microsoft.CodeAnalysis.Text.SourceText Source(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText;
}
