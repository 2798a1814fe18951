using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LoanWebhooks.Sdk.Generators.Tests.Harness;

/// <summary>A minimal schema set with exactly one mistake, and where and how the generator must report it.</summary>
/// <param name="Id">The diagnostic id the mistake must produce.</param>
/// <param name="Files">The schema set: a valid provider.json (unless it is the mistake) plus the bad file.</param>
/// <param name="BadFile">The path the diagnostic must point at.</param>
/// <param name="Line">The 1-based line it must point at, as an IDE shows it.</param>
/// <param name="HowToFix">Words of the message that tell the schema author what to change.</param>
internal sealed record BadSchemaCase(string Id, ImmutableArray<AdditionalText> Files, string BadFile, int Line, string HowToFix);

/// <summary>One minimal bad schema set per diagnostic id LWH001–LWH009.</summary>
internal static class BadSchemas
{
    private const string Folder = SchemaFixtures.Root + "acme/";
    private const string Provider = Folder + "provider.json";
    private const string BadEvent = Folder + "events/bad.json";

    public static readonly IReadOnlyDictionary<string, BadSchemaCase> ById = new Dictionary<string, BadSchemaCase>
    {
        // Strict JSON: the trailing comma is reported where the next property name was expected.
        ["LWH001"] = WithValidProvider("LWH001", BadEvent, 4, "Fix the JSON syntax", """
            {
              "x-event-type": "thing.happened",
              "type": "object",
            }
            """),

        ["LWH002"] = new(
            "LWH002",
            ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText(Provider, """
                    {
                      "x-discriminator": "/event_type"
                    }
                    """),
                new InMemoryAdditionalText(BadEvent, SchemaFixtures.EventJson("thing.happened"))),
            Provider,
            1,
            "must set \"x-provider\" to the provider's C# name"),

        ["LWH003"] = WithValidProvider("LWH003", BadEvent, 1, "Set it to the discriminator value", """
            {
              "type": "object",
              "properties": {
                "id": { "type": "string" }
              }
            }
            """),

        ["LWH004"] = WithValidProvider("LWH004", BadEvent, 5, "Use a relative path such as", """
            {
              "x-event-type": "thing.happened",
              "type": "object",
              "properties": {
                "owner": { "$ref": "../objects/missing.json" }
              }
            }
            """),

        ["LWH005"] = WithValidProvider("LWH005", BadEvent, 5, "Use string, integer, number, boolean, object, array or null", """
            {
              "x-event-type": "thing.happened",
              "type": "object",
              "properties": {
                "amount": { "type": "float" }
              }
            }
            """),

        // extension_data would become ExtensionData, which every generated record already has.
        ["LWH006"] = WithValidProvider("LWH006", BadEvent, 5, "Set \"x-csharp-name\" on the property", """
            {
              "x-event-type": "thing.happened",
              "type": "object",
              "properties": {
                "extension_data": { "type": "string" }
              }
            }
            """),

        ["LWH007"] = WithValidProvider("LWH007", BadEvent, 5, "Make them agree, or list the other value in x-aliases", """
            {
              "x-event-type": "thing.happened",
              "type": "object",
              "properties": {
                "event_type": { "type": "string", "const": "thing.occurred" }
              }
            }
            """),

        // The second schema (in path order) to claim a value is the one reported.
        ["LWH008"] = new(
            "LWH008",
            ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText(Provider, SchemaFixtures.ProviderJson("Acme")),
                new InMemoryAdditionalText(Folder + "events/a.json", SchemaFixtures.EventJson("thing.happened")),
                new InMemoryAdditionalText(Folder + "events/b.json", """
                    {
                      "x-event-type": "thing.occurred",
                      "x-aliases": ["thing.happened"],
                      "type": "object"
                    }
                    """)),
            Folder + "events/b.json",
            1,
            "Remove it from this schema's x-event-type or x-aliases"),

        // thing.happened and thing_happened both become AcmeThingHappenedEvent.
        ["LWH009"] = new(
            "LWH009",
            ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText(Provider, SchemaFixtures.ProviderJson("Acme")),
                new InMemoryAdditionalText(Folder + "events/thing.happened.json", SchemaFixtures.EventJson("thing.happened")),
                new InMemoryAdditionalText(Folder + "events/thing_happened.json", SchemaFixtures.EventJson("thing_happened"))),
            Folder + "events/thing_happened.json",
            1,
            "Give this schema a distinct \"x-type-name\""),
    };

    private static BadSchemaCase WithValidProvider(string id, string badFile, int line, string howToFix, string badText) =>
        new(
            id,
            ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText(Provider, SchemaFixtures.ProviderJson("Acme")),
                new InMemoryAdditionalText(badFile, badText)),
            badFile,
            line,
            howToFix);
}
