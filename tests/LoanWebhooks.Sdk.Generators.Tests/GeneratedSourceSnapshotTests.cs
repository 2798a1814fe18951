using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using LoanWebhooks.Sdk.Tests.Approval;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// What the generator writes, file by file, approved by a reviewer: <c>Snapshots/&lt;set&gt;/&lt;hint name&gt;.verified.txt</c>.
/// A change to the emitters shows up here as a diff to review and accept (<c>LOANWEBHOOKS_ACCEPT_SNAPSHOTS=1</c>).
/// </summary>
public sealed class GeneratedSourceSnapshotTests
{
    /// <summary>Every file the feature-tour schema produces; a new file becomes a new (failing) case until approved.</summary>
    public static TheoryData<string> FeatureTourHintNames()
    {
        var data = new TheoryData<string>();
        foreach (var source in GeneratorHarness.Run(SchemaFixtures.FeatureTour()).GeneratedSources)
        {
            data.Add(source.HintName);
        }

        return data;
    }

    [Fact]
    public void Feature_tour_schema_generates_without_diagnostics()
    {
        var result = GeneratorHarness.Run(SchemaFixtures.FeatureTour());

        Assert.True(result.Diagnostics.IsEmpty, GeneratorAssert.FormatAll(result));
    }

    [Fact]
    public void Feature_tour_schema_generates_the_approved_set_of_files()
    {
        var result = GeneratorHarness.Run(SchemaFixtures.FeatureTour());

        Approvals.Verify(string.Join("\n", result.GeneratedSources.Select(s => s.HintName)), "FeatureTour/_files");
    }

    [Theory]
    [MemberData(nameof(FeatureTourHintNames))]
    public void Feature_tour_schema_generates_the_approved_source(string hintName)
    {
        var sources = GeneratorHarness.SourcesByHintName(GeneratorHarness.Run(SchemaFixtures.FeatureTour()));

        Approvals.Verify(sources[hintName], "FeatureTour/" + hintName);
    }

    [Theory]
    [InlineData("Spinwheel.Event.g.cs")]
    [InlineData("Spinwheel.WebhookParser.g.cs")]
    [InlineData("Spinwheel.ConnectedV1Event.JsonConverter.g.cs")] // an optional discriminator may be JSON null
    public void Inference_tour_schema_generates_the_approved_source(string hintName)
    {
        var result = GeneratorHarness.Run(SchemaFixtures.InferenceTour());

        Assert.True(result.Diagnostics.IsEmpty, GeneratorAssert.FormatAll(result));
        Approvals.Verify(GeneratorHarness.SourcesByHintName(result)[hintName], "InferenceTour/" + hintName);
    }

    [Theory]
    [InlineData("Payitoff.ConnectivityInterruptedEvent.g.cs")]
    [InlineData("Payitoff.ConnectivityInterruptedEvent.JsonConverter.g.cs")]
    [InlineData("Payitoff.ConnectivityInterruptedData.g.cs")]
    [InlineData("Payitoff.ConnectivityInterruptedData.JsonConverter.g.cs")]
    [InlineData("Payitoff.WebhookParser.g.cs")]
    [InlineData("Payitoff.ConnectivityEvent.g.cs")]
    public void Real_payitoff_schemas_generate_the_approved_source(string hintName)
    {
        var sources = GeneratorHarness.SourcesByHintName(GeneratorHarness.Run(GeneratorHarness.RealSchemas("payitoff")));

        Assert.True(sources.ContainsKey(hintName), $"No '{hintName}' among: {string.Join(", ", sources.Keys)}");
        Approvals.Verify(sources[hintName], "Payitoff/" + hintName);
    }

    [Fact]
    public void Real_schemas_of_every_provider_generate_without_diagnostics()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.RealSchemas());

        Assert.True(result.Diagnostics.IsEmpty, GeneratorAssert.FormatAll(result));
    }
}
