using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Serialization;

/// <summary><c>x-coerce: string</c> members read strings as strings and numbers as their exact JSON text.</summary>
public sealed class CoercedStringTests
{
    [Theory]
    [InlineData("\"can_12\"", "can_12")]
    [InlineData("\"0339\"", "0339")]
    [InlineData("3324", "3324")]
    [InlineData("12.50", "12.50")]
    [InlineData("1e3", "1e3")]
    [InlineData("-0", "-0")]
    public void Reads_strings_and_the_text_of_numbers_as_sent(string json, string expected)
    {
        var reader = ReaderOn(json);

        Assert.Equal(expected, JsonValueReaders.ReadCoercedString(ref reader));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("[]")]
    public void Rejects_other_json_types_as_a_schema_violation(string json)
    {
        var reader = ReaderOn(json);

        try
        {
            JsonValueReaders.ReadCoercedString(ref reader);
            Assert.Fail("Expected a schema violation.");
        }
        catch (SchemaViolationException e)
        {
            Assert.Contains("a string or a number", e.Message, System.StringComparison.Ordinal);
        }
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
