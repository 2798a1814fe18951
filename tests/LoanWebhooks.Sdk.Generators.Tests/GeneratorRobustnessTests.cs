using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// Schema files a person could plausibly write (or a merge could leave behind) must never crash the generator:
/// a crash (CS8785) drops every generated file and leaves the user with hundreds of unrelated errors.
/// </summary>
public sealed class GeneratorRobustnessTests
{
    private const string Folder = SchemaFixtures.Root + "acme/";

    /// <summary>Malformed event schemas, each next to a valid provider.json.</summary>
    private static readonly Dictionary<string, string> MalformedEvents = new()
    {
        ["empty file"] = "",
        ["root is an array"] = "[]",
        ["root is a string"] = "\"thing.happened\"",
        ["property schema is a boolean"] = """{ "x-event-type": "a", "properties": { "id": true } }""",
        ["array items is a boolean"] = """{ "x-event-type": "a", "properties": { "ids": { "type": "array", "items": true } } }""",
        ["properties is an array"] = """{ "x-event-type": "a", "properties": [1, 2] }""",
        ["required is a string"] = """{ "x-event-type": "a", "required": "id", "properties": { "id": { "type": "string" } } }""",
        ["required names a missing property"] = """{ "x-event-type": "a", "required": ["nope"] }""",
        ["x-aliases holds a number"] = """{ "x-event-type": "a", "x-aliases": [1] }""",
        ["x-event-type is a number"] = """{ "x-event-type": 1 }""",
        ["type lists only null"] = """{ "x-event-type": "a", "properties": { "gone": { "type": ["null"] } } }""",
        ["unsupported time encoding"] = """{ "x-event-type": "a", "properties": { "at": { "type": "integer", "x-time-encoding": "unix-s" } } }""",
        ["$ref to a local definition"] = """{ "x-event-type": "a", "properties": { "x": { "$ref": "#/$defs/x" } } }""",
        ["$ref that climbs out of the schemas folder"] = """{ "x-event-type": "a", "properties": { "x": { "$ref": "../../../../../../etc/passwd.json" } } }""",
        ["nesting deeper than the reader allows"] = new string('[', 1000) + new string(']', 1000),
        ["invalid unicode escape"] = """{ "x-event-type": "\u12" }""",
        ["unterminated string"] = """{ "x-event-type": "a""",
        ["duplicate member"] = """{ "x-event-type": "a", "x-event-type": "b" }""",
        ["byte order mark and comments"] = "\uFEFF// comment\n{ \"x-event-type\": \"a\" }",
    };

    public static TheoryData<string> MalformedEventNames() => new(MalformedEvents.Keys.Order(System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(MalformedEventNames))]
    public void A_malformed_event_schema_does_not_throw_out_of_the_generator(string name)
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Folder + "provider.json", SchemaFixtures.ProviderJson("Acme")),
            new InMemoryAdditionalText(Folder + "events/bad.json", MalformedEvents[name]),
        };

        var result = GeneratorHarness.Run(files);

        GeneratorAssert.DidNotThrow(result);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{ "x-provider": "Acme", "x-discriminator": "event_type" }""")]
    [InlineData("""{ "x-provider": "Acme", "x-discriminator": "/" }""")]
    [InlineData("""{ "x-provider": "Acme", "x-discriminator": "/a//b" }""")]
    [InlineData("""{ "x-provider": "Acme", "x-discriminator": "/event_type", "x-idempotency-key": "id" }""")]
    [InlineData("""{ "x-provider": "1Acme", "x-discriminator": "/event_type" }""")]
    public void A_malformed_provider_manifest_is_reported_as_LWH002(string manifest)
    {
        var files = new AdditionalText[] { new InMemoryAdditionalText(Folder + "provider.json", manifest) };

        var result = GeneratorHarness.Run(files);

        Assert.Equal("LWH002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void Files_outside_a_provider_schema_folder_are_ignored()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText("/repo/schemas/README.json", "not json"),
            new InMemoryAdditionalText("/repo/schemas/acme/samples/thing.json", "not json"),
            new InMemoryAdditionalText("/repo/schemas/acme/events/nested/thing.json", "not json"),
            new InMemoryAdditionalText("/repo/other/acme/provider.json", "not json"),
            new InMemoryAdditionalText("/repo/schemas/acme/events/thing.txt", "not json"),
        };

        var result = GeneratorHarness.Run(files);

        Assert.True(result.Diagnostics.IsEmpty, GeneratorAssert.FormatAll(result));
    }

    public static TheoryData<string> CollidingNames() => new(Collisions.Keys.Order(System.StringComparer.Ordinal));

    private static readonly Dictionary<string, (string Path, string Text)[]> Collisions = new()
    {
        // AcmeEvent: the provider's base event is Acme.Event.g.cs too.
        ["an object named event"] = new[] { (Folder + "objects/event.json", "{}") },
        // "..." has no letters, so its type is AcmeEvent: the provider's base event.
        ["an event type with no letters"] = new[] { (Folder + "events/dots.json", """{ "x-event-type": "..." }""") },
        // AcmeUnknownEvent: the provider's unknown event.
        ["an event type named unknown"] = new[] { (Folder + "events/unknown.json", SchemaFixtures.EventJson("unknown")) },
        // Borrower and AcmeBorrower both shorten to Acme.Borrower.g.cs.
        ["an x-type-name without the provider prefix"] = new[]
        {
            (Folder + "objects/a.json", """{ "x-type-name": "Borrower" }"""),
            (Folder + "objects/borrower.json", "{}"),
        },
        // AcmeFooJsonConverter is also the name of AcmeFoo's converter.
        ["an object named like another object's converter"] = new[]
        {
            (Folder + "objects/foo.json", "{}"),
            (Folder + "objects/foo_json_converter.json", "{}"),
        },
    };

    [Fact]
    public void Two_folders_with_the_same_x_provider_are_reported_as_LWH002_on_the_second()
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Folder + "provider.json", SchemaFixtures.ProviderJson("Acme")),
            new InMemoryAdditionalText(SchemaFixtures.Root + "acme2/provider.json", SchemaFixtures.ProviderJson("Acme")),
        };

        var result = GeneratorHarness.Run(files);

        GeneratorAssert.DidNotThrow(result);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("LWH002", diagnostic.Id);
        Assert.EndsWith("acme2/provider.json", diagnostic.Location.GetLineSpan().Path, System.StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CollidingNames))]
    public void A_type_name_that_collides_with_a_generated_name_is_reported_as_LWH009(string name)
    {
        var files = new List<AdditionalText> { new InMemoryAdditionalText(Folder + "provider.json", SchemaFixtures.ProviderJson("Acme")) };
        files.AddRange(Collisions[name].Select(f => new InMemoryAdditionalText(f.Path, f.Text)));

        var result = GeneratorHarness.Run(files);

        GeneratorAssert.DidNotThrow(result);
        Assert.Contains(result.Diagnostics, d => d.Id == "LWH009");
    }

    [Theory]
    [InlineData("""{ "type": "string", "x-csharp-name": "class" }""", "id")]
    [InlineData("""{ "type": "string" }""", "to_string")]
    [InlineData("""{ "type": "string" }""", "equals")]
    [InlineData("""{ "type": "string" }""", "clone")]
    public void A_member_name_that_cannot_be_a_record_property_is_reported_as_LWH006(string propertySchema, string jsonName)
    {
        var files = new AdditionalText[]
        {
            new InMemoryAdditionalText(Folder + "provider.json", SchemaFixtures.ProviderJson("Acme")),
            new InMemoryAdditionalText(Folder + "events/bad.json", $$"""{ "x-event-type": "a", "properties": { "{{jsonName}}": {{propertySchema}} } }"""),
        };

        var result = GeneratorHarness.Run(files);

        Assert.Equal("LWH006", Assert.Single(result.Diagnostics).Id);
    }
}
