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

    /// <summary>JSON allows an escaped unpaired surrogate; receeve's free-form meta could carry one.</summary>
    private static readonly JsonElement LoneSurrogates = JsonDocument.Parse("""
        { "street": "Main St \ud800", "pair": "\ud83d\ude00 ok", "low": "\udc00x", "at": "2023-06-27T14:02:48\ud800",
          "\ud800": "surrogate-named member", "name": "Jane" }
        """).RootElement.Clone();

    [Fact]
    public void An_unpaired_surrogate_escape_reads_as_the_replacement_character_and_keeps_the_rest()
    {
        Assert.Equal("Main St \uFFFD", LoneSurrogates.GetStringOrNull("street"));
        Assert.Equal("Main St \uFFFD", JsonDocument.Parse("\"Main St \\ud800\"").RootElement.AsString());
        Assert.Equal("\uFFFDx", LoneSurrogates.GetStringOrNull("low"));
        Assert.Equal("\U0001F600 ok", LoneSurrogates.GetStringOrNull("pair"));
    }

    [Fact]
    public void A_date_with_an_unpaired_surrogate_escape_is_null_not_an_exception()
    {
        Assert.Null(LoneSurrogates.GetDateTimeOffsetOrNull("at"));
        Assert.Null(JsonDocument.Parse("\"2023-06-27T14:02:48\\ud800\"").RootElement.AsDateTimeOffset());
        Assert.Null(LoneSurrogates.GetDateTimeOffsetOrNull("street"));
    }

    [Fact]
    public void Every_accessor_returns_instead_of_throwing_for_surrogate_escaped_values_and_names()
    {
        foreach (var member in LoneSurrogates.EnumerateObject())
        {
            var value = member.Value;
            _ = value.AsInt64();
            _ = value.AsDecimal();
            _ = value.AsBoolean();
            _ = value.AsDateTimeOffset();
            Assert.NotNull(value.AsString());
        }

        foreach (string name in new[] { "street", "pair", "low", "at", "\ud800", "\uFFFD", "name", "missing" })
        {
            _ = LoneSurrogates.GetMemberOrNull(name);
            _ = LoneSurrogates.GetStringOrNull(name);
            _ = LoneSurrogates.GetInt64OrNull(name);
            _ = LoneSurrogates.GetDecimalOrNull(name);
            _ = LoneSurrogates.GetBooleanOrNull(name);
            _ = LoneSurrogates.GetDateTimeOffsetOrNull(name);
        }

        Assert.Equal("Jane", LoneSurrogates.GetStringOrNull("name"));
    }

    [Fact]
    public void A_far_future_date_whose_utc_instant_overflows_is_null()
    {
        var value = JsonDocument.Parse("\"9999-12-31 23:59:59-08\"").RootElement;

        Assert.Null(value.AsDateTimeOffset());
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
