using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LoanWebhooks.Sdk.Generators.Tests.Harness;

/// <summary>Schema sets written for the tests. Paths look like a clone's: the generator keys on the <c>/schemas/</c> segment.</summary>
internal static class SchemaFixtures
{
    public const string Root = "/repo/schemas/";

    /// <summary>
    /// One event that uses every feature of the schema vocabulary once: a required string, an optional integer,
    /// a date-time, a <c>unix-ms</c> integer, a nested inline object, an array of <c>$ref</c> objects, a free-form
    /// object, an <c>x-sensitive</c> property, a C# name override, a required-but-nullable member, an alias, an event
    /// family, known-values enums (inline and shared through <c>$ref</c>) and a boolean coerced from a string.
    /// The event is invented; <c>x-provider</c> is <c>Canopy</c> only because the generated code names a
    /// <c>WebhookProvider</c> member, so the compilation test needs a real one.
    /// </summary>
    public static ImmutableArray<AdditionalText> FeatureTour() => ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText(Root + "canopy/provider.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-provider": "Canopy",
              "x-discriminator": "/event",
              "x-idempotency-key": "/delivery_id",
              "title": "Feature-tour envelope",
              "description": "A test fixture: every event has an event member naming its type.",
              "type": "object",
              "required": ["event"],
              "properties": {
                "event": { "type": "string" }
              }
            }
            """),
        new InMemoryAdditionalText(Root + "canopy/events/loan.updated.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-event-type": "loan.updated",
              "x-aliases": ["loan.changed"],
              "x-family": "Loan",
              "x-sample": "prose",
              "title": "Loan updated",
              "description": "Sent when a loan changes.\nAlias loan.changed: the docs' heading uses it, the sample payload does not.",
              "type": "object",
              "required": ["event", "loan_id", "updated_at", "loan", "note"],
              "properties": {
                "event": { "type": "string", "const": "loan.updated" },
                "loan_id": { "type": "string", "description": "The loan's id." },
                "days_past_due": { "type": "integer", "description": "Whole days past due; absent when current." },
                "updated_at": { "type": "string", "format": "date-time" },
                "effective_at": { "type": "integer", "x-time-encoding": "unix-ms", "description": "When the change takes effect, in epoch milliseconds." },
                "loan": {
                  "description": "The loan after the change.",
                  "type": "object",
                  "required": ["principal_cents"],
                  "properties": {
                    "principal_cents": { "type": "integer" },
                    "interest_rate": { "type": "number" },
                    "next_due_on": { "type": "string", "format": "date" },
                    "autopay": { "type": ["boolean", "string"], "x-coerce": "boolean", "description": "Sent as true/false or \"true\"/\"false\"." },
                    "status": { "type": "string", "x-known-values": ["CURRENT", "PAST_DUE"], "description": "Where the loan stands." },
                    "currency": { "$ref": "../objects/currency.json" }
                  }
                },
                "payments": { "type": "array", "items": { "$ref": "../objects/payment.json" } },
                "metadata": { "type": "object", "description": "Free-form key/value pairs set by the lender." },
                "ssn": { "type": "string", "x-sensitive": true, "x-csharp-name": "SocialSecurityNumber", "description": "The borrower's SSN." },
                "note": { "type": ["string", "null"], "description": "Always sent; null when there is no note." }
              }
            }
            """),
        new InMemoryAdditionalText(Root + "canopy/objects/currency.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "description": "An ISO 4217 currency code.",
              "type": "string",
              "x-known-values": ["USD", "EUR"]
            }
            """),
        new InMemoryAdditionalText(Root + "canopy/objects/payment.json", """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": "A payment <applied> to the loan & its fees",
              "type": "object",
              "required": ["amount"],
              "properties": {
                "amount": { "type": "number" },
                "posted_on": { "type": "string", "format": "date" }
              }
            }
            """));

    /// <summary>
    /// A provider whose payloads may lack the discriminator and whose event types carry a version: two events
    /// with <c>x-infer</c> rules (members only; members and values) and one without. Invented; <c>Spinwheel</c>
    /// only because the generated code names a real <c>WebhookProvider</c> member.
    /// </summary>
    public static ImmutableArray<AdditionalText> InferenceTour() => ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText(Root + "spinwheel/provider.json", """
            {
              "x-provider": "Spinwheel",
              "x-discriminator": "/eventType",
              "x-discriminator-optional": true,
              "x-discriminator-versioned": true,
              "type": "object"
            }
            """),
        new InMemoryAdditionalText(Root + "spinwheel/events/refinance.v1.json", """
            {
              "x-event-type": "refinance.v1",
              "x-infer": { "members": ["applicationId"] },
              "type": "object",
              "required": ["applicationId"],
              "properties": { "applicationId": { "type": "string" } }
            }
            """),
        new InMemoryAdditionalText(Root + "spinwheel/events/report.failed.v1.json", """
            {
              "x-event-type": "report.failed.v1",
              "x-infer": { "members": ["subscriptionId"], "values": { "status": ["FROZEN", "FAILED"] } },
              "type": "object",
              "required": ["subscriptionId", "status"],
              "properties": { "subscriptionId": { "type": "string" }, "status": { "type": "string" } }
            }
            """),
        new InMemoryAdditionalText(Root + "spinwheel/events/connected.v1.json", EventJson("connected.v1")));

    /// <summary>A valid provider.json for provider <paramref name="name"/> discriminated by <c>/event_type</c>.</summary>
    public static string ProviderJson(string name) => $$"""
        {
          "x-provider": "{{name}}",
          "x-discriminator": "/event_type"
        }
        """;

    /// <summary>A valid event schema with one required string member.</summary>
    public static string EventJson(string eventType, string member = "id") => $$"""
        {
          "x-event-type": "{{eventType}}",
          "type": "object",
          "required": ["{{member}}"],
          "properties": {
            "{{member}}": { "type": "string" }
          }
        }
        """;

    /// <summary>A small valid provider folder: provider.json and one event.</summary>
    public static ImmutableArray<AdditionalText> SmallProvider(string folder, string name, string eventType = "thing.happened") =>
        ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText(Root + folder + "/provider.json", ProviderJson(name)),
            new InMemoryAdditionalText(Root + folder + "/events/" + eventType + ".json", EventJson(eventType)));
}
