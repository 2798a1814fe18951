using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using LoanWebhooks.Sdk.Tests.Docs;
using LoanWebhooks.Sdk.Tests.Approval;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>Every bad schema is a diagnostic with a stable id, a location and a sentence that says how to fix it.</summary>
public sealed class SchemaDiagnosticTests
{
    public static TheoryData<string> DiagnosticIds() => new(BadSchemas.ById.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_diagnostic_id_the_generator_declares_has_a_bad_schema_case()
    {
        Assert.Equal(DeclaredIds(), BadSchemas.ById.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_diagnostic_id_has_its_own_descriptor_with_a_distinct_title()
    {
        var descriptors = DeclaredDescriptors();

        Assert.Equal(DeclaredIds(), descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(descriptors, d => Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{d.Id} has no title."));
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_readme_states_the_range_of_diagnostic_ids_the_generator_declares()
    {
        var ids = DeclaredIds().ToList();

        string readme = RepositoryFiles.ReadAllText("README.md");

        Assert.Contains($"(`{ids[0]}`–`{ids[^1]}`)", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_is_an_enabled_error_with_a_category_and_a_help_link()
    {
        var descriptors = DeclaredDescriptors();

        Assert.All(descriptors, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault, $"{d.Id} is disabled by default.");
            Assert.StartsWith("LoanWebhooks.Schemas.", d.Category, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(d.HelpLinkUri), $"{d.Id} has no help link.");
        });
    }

    [Fact]
    public void Every_descriptor_is_reported_by_at_least_one_bad_schema_case()
    {
        var reported = BadSchemas.ById.Values
            .SelectMany(badCase => GeneratorHarness.Run(badCase.Files).Diagnostics)
            .Select(d => d.Descriptor)
            .ToList();

        Assert.All(DeclaredDescriptors(), descriptor => Assert.Contains(descriptor, reported));
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void A_bad_schema_is_reported_once_with_its_id_as_an_error(string id)
    {
        var result = GeneratorHarness.Run(BadSchemas.ById[id].Files);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void A_bad_schema_is_reported_at_the_file_and_line_of_the_mistake(string id)
    {
        var badCase = BadSchemas.ById[id];

        var result = GeneratorHarness.Run(badCase.Files);

        var span = Assert.Single(result.Diagnostics).Location.GetLineSpan();
        Assert.Equal(badCase.BadFile, span.Path);
        Assert.Equal(badCase.Line, span.StartLinePosition.Line + 1);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void A_bad_schema_message_says_how_to_fix_it(string id)
    {
        var badCase = BadSchemas.ById[id];

        var result = GeneratorHarness.Run(badCase.Files);

        Assert.Contains(badCase.HowToFix, Assert.Single(result.Diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void A_bad_schema_does_not_throw_out_of_the_generator(string id)
    {
        var result = GeneratorHarness.Run(BadSchemas.ById[id].Files);

        GeneratorAssert.DidNotThrow(result);
    }

    [Theory]
    [MemberData(nameof(DiagnosticIds))]
    public void A_bad_schema_message_matches_the_approved_text(string id)
    {
        var result = GeneratorHarness.Run(BadSchemas.ById[id].Files);

        Approvals.Verify(GeneratorAssert.FormatAll(result), "Diagnostics/" + id);
    }

    [Fact]
    public void A_folder_without_provider_json_is_reported_where_provider_json_belongs()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(SchemaFixtures.Root + "acme/events/thing.happened.json", SchemaFixtures.EventJson("thing.happened")),
        };

        var result = GeneratorHarness.Run(files);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LWH002", diagnostic.Id);
        Assert.Equal(SchemaFixtures.Root + "acme/provider.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_provider_with_a_bad_schema_emits_none_of_its_sources()
    {
        var result = GeneratorHarness.Run(BadSchemas.ById["LWH003"].Files);

        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.StartsWith("Acme.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_schema_in_one_provider_does_not_stop_other_providers_from_generating()
    {
        var files = BadSchemas.ById["LWH003"].Files.AddRange(SchemaFixtures.SmallProvider("bravo", "Bravo"));

        var result = GeneratorHarness.Run(files);

        Assert.Contains(result.GeneratedSources, s => s.HintName == "Bravo.ThingHappenedEvent.g.cs");
    }

    [Theory]
    [InlineData("{ \"type\": \"string\", \"x-coerce\": \"boolean\" }", "\"x-coerce\"")]
    [InlineData("{ \"type\": [\"boolean\", \"string\"], \"x-coerce\": \"integer\" }", "\"x-coerce\"")]
    [InlineData("{ \"type\": \"string\", \"x-coerce\": \"string\" }", "\"x-coerce\"")]
    [InlineData("{ \"type\": [\"string\", \"boolean\"], \"x-coerce\": \"string\" }", "\"x-coerce\"")]
    [InlineData("{ \"type\": \"string\", \"x-known-values\": [] }", "\"x-known-values\"")]
    [InlineData("{ \"type\": \"string\", \"x-known-values\": [\"A\", 2] }", "\"x-known-values\"")]
    public void A_bad_new_keyword_on_a_property_is_reported_as_unsupported(string propertySchema, string keyword)
    {
        var result = GeneratorHarness.Run(ProviderWithEvent($$"""
            { "x-event-type": "thing.happened", "type": "object", "properties": { "flag": {{propertySchema}} } }
            """));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LWH005", diagnostic.Id);
        Assert.Contains(keyword, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Known_values_that_map_to_the_same_csharp_name_are_reported()
    {
        var result = GeneratorHarness.Run(ProviderWithEvent("""
            { "x-event-type": "thing.happened", "type": "object", "properties": { "status": { "type": "string", "x-known-values": ["PAID_OFF", "paid-off"] } } }
            """));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LWH006", diagnostic.Id);
        Assert.Contains("'paid-off'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"x-family\": \"not valid\"", "LWH005")]
    [InlineData("\"x-family\": \"Unknown\"", "LWH009")]
    [InlineData("\"x-infer\": { \"members\": [\"id\"] }", "LWH005")]
    public void A_bad_family_or_an_inference_rule_on_a_required_discriminator_is_reported(string keyword, string id)
    {
        var result = GeneratorHarness.Run(ProviderWithEvent($$"""
            { "x-event-type": "thing.happened", {{keyword}}, "type": "object", "properties": { "id": { "type": "string" } } }
            """));

        Assert.Equal(id, Assert.Single(result.Diagnostics).Id);
    }

    [Theory]
    [InlineData("{ \"members\": \"id\" }")]
    [InlineData("{ \"values\": { \"status\": [] } }")]
    [InlineData("{ }")]
    public void A_malformed_inference_rule_is_reported(string rule)
    {
        var files = ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText(SchemaFixtures.Root + "acme/provider.json", """{ "x-provider": "Acme", "x-discriminator": "/event_type", "x-discriminator-optional": true }"""),
            new InMemoryAdditionalText(SchemaFixtures.Root + "acme/events/thing.happened.json", $$"""
                { "x-event-type": "thing.happened", "x-infer": {{rule}}, "type": "object" }
                """));

        var diagnostic = Assert.Single(GeneratorHarness.Run(files).Diagnostics);
        Assert.Equal("LWH005", diagnostic.Id);
        Assert.Contains("\"x-infer\" must look like", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    // DiagnosticIds and DiagnosticDescriptors are internal; they are read by reflection so a new id or descriptor
    // cannot ship untested.
    private static IOrderedEnumerable<string> DeclaredIds() =>
        GeneratorType("LoanWebhooks.Sdk.Generators.Reading.DiagnosticIds")
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

    private static IReadOnlyList<DiagnosticDescriptor> DeclaredDescriptors() =>
        GeneratorType("LoanWebhooks.Sdk.Generators.Reading.DiagnosticDescriptors")
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static Type GeneratorType(string fullName) =>
        typeof(WebhookSchemaGenerator).Assembly.GetType(fullName) ?? throw new InvalidOperationException($"{fullName} is not in the generator assembly.");

    private static ImmutableArray<AdditionalText> ProviderWithEvent(string eventJson) => ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText(SchemaFixtures.Root + "acme/provider.json", SchemaFixtures.ProviderJson("Acme")),
        new InMemoryAdditionalText(SchemaFixtures.Root + "acme/events/thing.happened.json", eventJson));
}
