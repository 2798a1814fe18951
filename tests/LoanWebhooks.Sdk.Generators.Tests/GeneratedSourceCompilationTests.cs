using System;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>The generated code compiles against the real runtime, so a snapshot can never approve broken C#.</summary>
public sealed class GeneratedSourceCompilationTests
{
    [Fact]
    public void Feature_tour_output_compiles_against_the_runtime_without_errors()
    {
        var generated = GeneratorHarness.Run(SchemaFixtures.FeatureTour());

        var compilation = RuntimeCompilation.Compile(generated);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, RuntimeCompilation.Format(errors));
    }

    [Fact]
    public void Feature_tour_output_compiles_without_warnings_including_documentation_warnings()
    {
        // The SDK builds with TreatWarningsAsErrors and a documentation file, so any warning here breaks its build.
        var generated = GeneratorHarness.Run(SchemaFixtures.FeatureTour());

        var compilation = RuntimeCompilation.Compile(generated);

        var warnings = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, RuntimeCompilation.Format(warnings));
    }

    [Fact]
    public void Inference_tour_output_compiles_without_errors_or_warnings()
    {
        var generated = GeneratorHarness.Run(SchemaFixtures.InferenceTour());

        var compilation = RuntimeCompilation.Compile(generated);

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, RuntimeCompilation.Format(problems));
        Assert.NotNull(compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Spinwheel.SpinwheelRefinanceV1Event"));
    }

    [Fact]
    public void An_event_with_a_family_derives_from_the_generated_family_base()
    {
        var compilation = RuntimeCompilation.Compile(GeneratorHarness.Run(SchemaFixtures.FeatureTour()));

        var record = compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyLoanUpdatedEvent");
        var family = compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyLoanEvent");

        Assert.NotNull(family);
        Assert.True(family!.IsAbstract);
        Assert.Equal(family, record!.BaseType, SymbolEqualityComparer.Default);
        Assert.Equal("CanopyEvent", family.BaseType!.Name);
    }

    [Fact]
    public void A_family_base_declares_exactly_the_members_all_its_events_share()
    {
        var files = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText(SchemaFixtures.Root + "canopy/provider.json", SchemaFixtures.ProviderJson("Canopy")),
            new InMemoryAdditionalText(SchemaFixtures.Root + "canopy/events/a.json", """
                { "x-event-type": "a", "x-family": "Thing", "type": "object", "required": ["id"],
                  "properties": { "id": { "type": "string" }, "n": { "type": "integer" }, "only_a": { "type": "string" } } }
                """),
            new InMemoryAdditionalText(SchemaFixtures.Root + "canopy/events/b.json", """
                { "x-event-type": "b", "x-family": "Thing", "type": "object", "required": ["id"],
                  "properties": { "id": { "type": "string" }, "n": { "type": "string" } } }
                """));

        var compilation = RuntimeCompilation.Compile(GeneratorHarness.Run(files));

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, RuntimeCompilation.Format(problems));
        var family = compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyThingEvent")!;
        var shared = Assert.Single(family.GetMembers().OfType<IPropertySymbol>(), p => p.Name != "EqualityContract");
        Assert.Equal("Id", shared.Name);
        Assert.True(shared.IsAbstract);
        var overriding = compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyAEvent")!.GetMembers("Id").OfType<IPropertySymbol>().Single();
        Assert.True(overriding.IsOverride && overriding.IsRequired);
    }

    [Fact]
    public void Known_values_and_coerced_booleans_get_their_csharp_types()
    {
        var compilation = RuntimeCompilation.Compile(GeneratorHarness.Run(SchemaFixtures.FeatureTour()));

        var loan = compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyLoanUpdatedLoan")!;
        string TypeOf(string property) => loan.GetMembers(property).OfType<IPropertySymbol>().Single().Type.ToDisplayString();

        Assert.Equal("LoanWebhooks.Sdk.Canopy.CanopyLoanUpdatedLoanStatus?", TypeOf("Status"));
        Assert.Equal("LoanWebhooks.Sdk.Canopy.CanopyCurrency?", TypeOf("Currency"));
        Assert.Equal("bool?", TypeOf("Autopay"));
        Assert.True(compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyCurrency")!.IsValueType);
    }

    [Fact]
    public void Feature_tour_output_declares_the_event_record_the_schema_describes()
    {
        // Guards the two tests above against compiling nothing at all.
        var generated = GeneratorHarness.Run(SchemaFixtures.FeatureTour());

        var compilation = RuntimeCompilation.Compile(generated);

        var record = compilation.GetTypeByMetadataName("LoanWebhooks.Sdk.Canopy.CanopyLoanUpdatedEvent");
        Assert.NotNull(record);
        Assert.True(record!.Locations.All(l => l.IsInSource), "The record must come from the generated source, not the runtime assembly.");
        Assert.Equal(
            new[] { "DaysPastDue", "EffectiveAt", "ExtensionData", "Loan", "LoanId", "Metadata", "Note", "Payments", "SocialSecurityNumber", "UpdatedAt" },
            record.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsImplicitlyDeclared).Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_member_without_a_description_is_documented_with_its_json_name_as_code()
    {
        var sources = GeneratorHarness.SourcesByHintName(GeneratorHarness.Run(SchemaFixtures.FeatureTour()));

        Assert.Contains("/// The <c>posted_on</c> member.", sources["Canopy.Payment.g.cs"], StringComparison.Ordinal);
    }
}
