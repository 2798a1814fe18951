using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// The generator runs on every keystroke in an IDE, so a run whose schemas did not change must reuse its output,
/// and a change to one provider must not re-emit the others. Every pipeline step is named (<c>TrackingNames</c>),
/// so these tests check each step as well as the source outputs, which Roslyn always tracks.
/// </summary>
public sealed class IncrementalCachingTests
{
    private const string RegistryHintName = "WebhookProvider.BuiltIn.g.cs";

    private static readonly ImmutableArray<AdditionalText> TwoProviders =
        SchemaFixtures.SmallProvider("alpha", "Alpha").AddRange(SchemaFixtures.SmallProvider("bravo", "Bravo"));

    [Fact]
    public void Every_named_pipeline_step_is_tracked()
    {
        // Guards the step tests below: a step that was renamed or lost its name would otherwise be skipped silently.
        var result = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(GeneratorHarness.EmptyCompilation()).GetRunResult().Results.Single();

        Assert.All(StepNames(), name => Assert.True(result.TrackedSteps.ContainsKey(name), $"Step {name} was not tracked."));
    }

    [Fact]
    public void Rerunning_with_unchanged_schemas_reuses_every_named_step()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);

        var rerun = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertStepsReused(rerun, StepNames());
    }

    [Fact]
    public void Rerunning_after_an_unrelated_code_edit_reuses_every_named_step()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Edited { }", GeneratorHarness.ParseOptions));

        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertStepsReused(rerun, StepNames());
    }

    [Fact]
    public void Reloading_schema_files_with_unchanged_text_reuses_every_step_after_the_text_is_read()
    {
        // The filter step hands on the AdditionalText objects themselves, which are new after a reload; from the
        // text onwards every step compares by value and must be reused.
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        foreach (var file in TwoProviders)
        {
            driver = driver.ReplaceAdditionalText(file, new InMemoryAdditionalText(file.Path, file.GetText()!.ToString()));
        }

        var rerun = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertStepsReused(rerun, StepNames().Where(name => name != "ProviderSchemaFiles"));
    }

    [Fact]
    public void Editing_one_schema_reads_only_that_file_anew_and_changes_only_its_providers_result()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver(TwoProviders).RunGenerators(compilation);
        var bravoEvent = TwoProviders.Single(f => f.Path.EndsWith("bravo/events/thing.happened.json", StringComparison.Ordinal));
        var changed = new InMemoryAdditionalText(bravoEvent.Path, SchemaFixtures.EventJson("thing.happened", member: "reference"));

        var after = driver.ReplaceAdditionalText(bravoEvent, changed).RunGenerators(compilation).GetRunResult().Results.Single();

        // The pipeline collects every file before reading, so the reader runs again for every provider folder;
        // what must not change is any result but Bravo's, and with it the provider identities the built-in list is built from.
        Assert.Equal(bravoEvent.Path, PathOf(Assert.Single(ChangedOutputs(after, "SchemaFileTexts"))));
        Assert.EndsWith("/bravo", ProviderFolderOf(Assert.Single(ChangedOutputs(after, "ProviderResults"))), StringComparison.Ordinal);
        Assert.EndsWith("/bravo", ProviderFolderOf(Assert.Single(ChangedOutputs(after, "ReadProviders"))), StringComparison.Ordinal);
        AssertStepsReused(after, new[] { "ProviderIdentities", "AllProviderIdentities" });
    }

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

    /// <summary>The generator's step names, read from its internal TrackingNames so a new step cannot go unchecked.</summary>
    private static IReadOnlyList<string> StepNames()
    {
        var type = typeof(WebhookSchemaGenerator).Assembly.GetType("LoanWebhooks.Sdk.Generators.TrackingNames")
            ?? throw new InvalidOperationException("TrackingNames is not in the generator assembly.");
        return type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
    }

    private static void AssertStepsReused(GeneratorRunResult result, IEnumerable<string> stepNames)
    {
        foreach (string name in stepNames)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var runs), $"Step {name} was not tracked.");
            var reasons = runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(IsReused(reason), $"Step {name} output was {reason}."));
        }
    }

    private static List<object> ChangedOutputs(GeneratorRunResult result, string stepName) =>
        result.TrackedSteps[stepName]
            .SelectMany(run => run.Outputs)
            .Where(output => !IsReused(output.Reason))
            .Select(output => output.Value)
            .ToList();

    // SchemaFile and ProviderResult are internal records; their members are read by reflection.
    private static string PathOf(object schemaFile) => (string)schemaFile.GetType().GetProperty("Path")!.GetValue(schemaFile)!;

    private static string ProviderFolderOf(object providerResult) =>
        (string)providerResult.GetType().GetProperty("ProviderFolder")!.GetValue(providerResult)!;

    private static bool IsReused(IncrementalStepRunReason reason) =>
        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged;

    private static System.Collections.Generic.IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);

    private static Microsoft.CodeAnalysis.Text.SourceText Source(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText;
}
