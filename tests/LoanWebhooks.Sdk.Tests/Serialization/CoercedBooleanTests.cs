using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Serialization;

/// <summary><c>x-coerce: boolean</c> members accept JSON booleans and their string spellings, nothing else.</summary>
public sealed class CoercedBooleanTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"False\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"f\\u0061lse\"", false)]
    public void Reads_booleans_and_their_string_spellings(string json, bool expected)
    {
        var reader = ReaderOn(json);

        Assert.Equal(expected, JsonValueReaders.ReadCoercedBoolean(ref reader));
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("\"\"")]
    [InlineData("\" true\"")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Rejects_anything_else_as_a_schema_violation(string json)
    {
        var reader = ReaderOn(json);

        try
        {
            JsonValueReaders.ReadCoercedBoolean(ref reader);
            Assert.Fail("Expected a schema violation.");
        }
        catch (SchemaViolationException e)
        {
            Assert.Contains("boolean", e.Message, System.StringComparison.Ordinal);
        }
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
