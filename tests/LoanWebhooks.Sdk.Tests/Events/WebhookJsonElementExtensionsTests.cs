using System;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Events;

/// <summary>Typed access to free-form members returns the value or null, and never throws.</summary>
public sealed class WebhookJsonElementExtensionsTests
{
    private static readonly JsonElement Meta = JsonDocument.Parse("""
        {
          "name": "Jane", "count": 3, "big": 123456789012345678901234567890, "rate": 0.0525,
          "flag": true, "at": "2023-06-27T14:02:48-07:00", "pg": "9999-12-31 11:59:59+00",
          "local": "2023-06-27T14:02:48", "empty": null, "nested": { "a": 1 }
        }
        """).RootElement.Clone();

    [Fact]
    public void Reads_each_json_type_it_is_asked_for()
    {
        Assert.Equal("Jane", Meta.GetStringOrNull("name"));
        Assert.Equal(3L, Meta.GetInt64OrNull("count"));
        Assert.Equal(0.0525m, Meta.GetDecimalOrNull("rate"));
        Assert.True(Meta.GetBooleanOrNull("flag"));
        Assert.Equal(new DateTimeOffset(2023, 6, 27, 14, 2, 48, TimeSpan.FromHours(-7)), Meta.GetDateTimeOffsetOrNull("at"));
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 11, 59, 59, TimeSpan.Zero), Meta.GetDateTimeOffsetOrNull("pg"));
        Assert.Equal(1L, Meta.GetMemberOrNull("nested")!.Value.GetInt64OrNull("a"));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("nested")]
    [InlineData("count")]
    public void Absent_null_or_differently_typed_members_are_null_for_strings(string name)
    {
        Assert.Null(Meta.GetStringOrNull(name));
    }

    [Fact]
    public void Mismatched_or_out_of_range_values_are_null_instead_of_exceptions()
    {
        Assert.Null(Meta.GetInt64OrNull("name"));
        Assert.Null(Meta.GetInt64OrNull("big"));
        Assert.Null(Meta.GetInt64OrNull("rate"));
        Assert.Null(Meta.GetBooleanOrNull("name"));
        Assert.Null(Meta.GetDateTimeOffsetOrNull("name"));
        Assert.Null(Meta.GetDateTimeOffsetOrNull("local"));
        Assert.Null(Meta.GetMemberOrNull("empty"));
        Assert.Null(Meta.GetProperty("name").GetStringOrNull("x"));
    }

    [Fact]
    public void Value_accessors_work_on_values_of_any_kind()
    {
        // Canopy change entries carry previous/new values of any JSON type.
        Assert.Equal("Jane", Meta.GetProperty("name").AsString());
        Assert.Null(Meta.GetProperty("name").AsDecimal());
        Assert.Equal(3m, Meta.GetProperty("count").AsDecimal());
        Assert.Null(Meta.GetProperty("empty").AsBoolean());
        Assert.Null(default(JsonElement).AsString());
    }
}
