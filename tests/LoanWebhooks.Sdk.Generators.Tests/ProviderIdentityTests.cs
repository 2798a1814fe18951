using System;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// A provider's identity comes from its provider.json: in the SDK itself it becomes <c>WebhookProvider.&lt;Name&gt;</c>
/// and joins the list of built-in providers; in any other assembly it is generated beside the provider's events and
/// no generated code names another provider.
/// </summary>
public sealed class ProviderIdentityTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<AdditionalText> TwoProviders =
        SchemaFixtures.SmallProvider("alpha", "Alpha").AddRange(SchemaFixtures.SmallProvider("bravo", "Bravo"));

    [Fact]
    public void Compiling_the_sdk_each_provider_becomes_a_property_of_WebhookProvider_and_the_built_in_list_names_all_of_them()
    {
        var sources = GeneratorHarness.SourcesByHintName(RunAs("LoanWebhooks.Sdk"));

        Assert.Contains("public static WebhookProvider Alpha => new(\"Alpha\", validated: true);", sources["WebhookProvider.Alpha.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Alpha,\n        Bravo,", sources["WebhookProvider.BuiltIn.g.cs"], StringComparison.Ordinal);
        Assert.Contains("global::LoanWebhooks.Sdk.Bravo.BravoWebhookParser.Default,", sources["BuiltInWebhookParsers.g.cs"], StringComparison.Ordinal);
        Assert.Contains("Provider => global::LoanWebhooks.Sdk.Events.WebhookProvider.Alpha;", sources["Alpha.Event.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void In_another_assembly_a_provider_carries_its_own_identity_and_nothing_lists_the_others()
    {
        var sources = GeneratorHarness.SourcesByHintName(RunAs("Contoso.Webhooks"));

        Assert.Contains("public static global::LoanWebhooks.Sdk.Events.WebhookProvider Provider { get; } = new(\"Alpha\");", sources["Alpha.Webhooks.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain(sources.Keys, hint => hint.StartsWith("WebhookProvider.", StringComparison.Ordinal) || hint.StartsWith("BuiltIn", StringComparison.Ordinal));
        Assert.All(sources.Where(s => s.Key.StartsWith("Alpha.", StringComparison.Ordinal)), s => Assert.DoesNotContain("Bravo", s.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void An_x_namespace_puts_a_providers_types_in_that_namespace()
    {
        var schemas = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText(SchemaFixtures.Root + "acme/provider.json", """
                { "x-provider": "Acme", "x-namespace": "Contoso.Webhooks.Acme", "x-discriminator": "/event_type" }
                """),
            new InMemoryAdditionalText(SchemaFixtures.Root + "acme/events/thing.happened.json", SchemaFixtures.EventJson("thing.happened")));

        var sources = GeneratorHarness.SourcesByHintName(GeneratorHarness.Run(schemas));

        Assert.All(sources.Values, source => Assert.Contains("namespace Contoso.Webhooks.Acme;", source, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Acme_Loans")]
    [InlineData("Äcme")]
    public void A_provider_name_the_runtime_would_refuse_is_reported_in_provider_json(string name)
    {
        var result = GeneratorHarness.Run(SchemaFixtures.SmallProvider("acme", name));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LWH002", diagnostic.Id);
        Assert.Contains("ASCII letter then ASCII letters or digits", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
    }

    private static GeneratorRunResult RunAs(string assemblyName) =>
        GeneratorHarness.CreateDriver(TwoProviders)
            .RunGenerators(CSharpCompilation.Create(assemblyName, syntaxTrees: null, references: null, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)))
            .GetRunResult().Results.Single();
}
