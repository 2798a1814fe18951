using System.Collections.Immutable;
using System.Linq;
using LoanWebhooks.Sdk.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests;

/// <summary>
/// An event whose schema types the whole path to the provider's deduplication id hands it to the parser from its
/// members (no second look at the body); any other event leaves the parser to read it from the body.
/// </summary>
public sealed class TypedIdempotencyKeyTests
{
    private static ImmutableArray<AdditionalText> Receeve() => ImmutableArray.Create<AdditionalText>(
        new InMemoryAdditionalText(SchemaFixtures.Root + "receeve/provider.json", """
            { "x-provider": "Receeve", "x-discriminator": "/payload/details/messageType", "x-idempotency-key": "/payload/messageId", "type": "object" }
            """),
        Event("typed", """
            "required": ["payload"],
            "properties": { "payload": { "type": "object", "required": ["messageId"], "properties": { "messageId": { "type": "string" } } } }
            """),
        Event("optional", """
            "properties": { "payload": { "type": "object", "properties": { "messageId": { "type": "string" } } } }
            """),
        Event("coerced", """
            "properties": { "payload": { "type": "object", "properties": { "messageId": { "type": ["string", "integer"], "x-coerce": "string" } } } }
            """),
        Event("number", """
            "properties": { "payload": { "type": "object", "properties": { "messageId": { "type": "integer" } } } }
            """),
        Event("untyped", """
            "properties": { "payload": { "type": "object", "properties": { "other": { "type": "string" } } } }
            """));

    [Theory]
    [InlineData("Receeve.TypedV1Event.g.cs", "key = Payload.MessageId;")]
    [InlineData("Receeve.OptionalV1Event.g.cs", "key = Payload?.MessageId;")]
    public void An_event_typing_the_whole_path_returns_the_member(string hintName, string expected)
    {
        string source = GeneratorHarness.SourcesByHintName(GeneratorHarness.Run(Receeve()))[hintName];

        Assert.Contains("protected override bool TryGetTypedIdempotencyKey(out string? key)", source);
        Assert.Contains(expected, source);
    }

    [Theory]
    [InlineData("Receeve.CoercedV1Event.g.cs")]
    [InlineData("Receeve.NumberV1Event.g.cs")]
    [InlineData("Receeve.UntypedV1Event.g.cs")]
    [InlineData("Receeve.TypedV1Payload.g.cs")]
    public void Other_records_leave_the_id_to_the_parser(string hintName)
    {
        string source = GeneratorHarness.SourcesByHintName(GeneratorHarness.Run(Receeve()))[hintName];

        Assert.DoesNotContain("TryGetTypedIdempotencyKey", source);
    }

    [Fact]
    public void The_overrides_compile_against_the_runtime_without_warnings()
    {
        var generated = GeneratorHarness.Run(Receeve());

        var problems = RuntimeCompilation.Compile(generated).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        Assert.True(generated.Diagnostics.IsEmpty, GeneratorAssert.FormatAll(generated));
        Assert.True(problems.Count == 0, RuntimeCompilation.Format(problems));
    }

    private static InMemoryAdditionalText Event(string name, string members) => new(
        SchemaFixtures.Root + $"receeve/events/{name}.v1.json",
        $$"""{ "x-event-type": "{{name}}.v1", "type": "object", {{members}} }""");
}
