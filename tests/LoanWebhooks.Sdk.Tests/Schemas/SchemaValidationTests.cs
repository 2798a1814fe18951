using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Testing;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Schemas;

/// <summary>The schemas and the documented samples agree, as checked by an independent validator (NJsonSchema).</summary>
public sealed class SchemaValidationTests
{
    private static readonly string SchemaRoot = Path.Combine(AppContext.BaseDirectory, "schemas");

    public static TheoryData<string> SampleNames() => DocumentedSampleData.Names();

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Documented_sample_is_valid_against_its_event_schema(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var schema = await JsonSchema.FromFileAsync(EventSchemaPath(name));

        var errors = schema.Validate(Load(sample.BodyText), PostgresDateTimeFormatValidator.Settings());

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Documented_sample_is_valid_against_its_provider_envelope(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(SchemaRoot, name.Split('/')[0], "provider.json"));

        var errors = schema.Validate(Load(sample.BodyText));

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Validation_rejects_a_sample_whose_member_has_the_wrong_type()
    {
        var sample = DocumentedSampleData.Sample("payitoff/connectivity.interrupted");
        var schema = await JsonSchema.FromFileAsync(EventSchemaPath(sample.Name));
        var body = Load(sample.BodyText);
        body["data"]!["borrower_id"] = 42;

        var errors = schema.Validate(body);

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Every_event_schema_has_a_documented_sample()
    {
        var schemas = Directory.GetFiles(SchemaRoot, "*.json", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "events")
            .Select(p => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p)))! + "/" + Path.GetFileNameWithoutExtension(p))
            .OrderBy(n => n, StringComparer.Ordinal);

        Assert.Equal(DocumentedSamples.All.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal), schemas);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Event_schema_says_where_its_sample_came_from(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var schema = JObject.Parse(File.ReadAllText(EventSchemaPath(name)));

        Assert.Equal(sample.Origin.ToString().ToLowerInvariant(), (string?)schema["x-sample"]);
    }

    private static string EventSchemaPath(string sampleName)
    {
        string[] parts = sampleName.Split('/');
        return Path.Combine(SchemaRoot, parts[0], "events", parts[1] + ".json");
    }

    // Samples keep the docs' // comments and trailing commas; Json.NET reads both, as our parser does.
    private static JToken Load(string json) =>
        JToken.Parse(json, new JsonLoadSettings { CommentHandling = CommentHandling.Ignore });
}
