using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Serialization;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Hardening;

/// <summary>
/// What a stranger can send to a public webhook URL, for every provider's envelope: each body gives a typed
/// event, the provider's unknown event, or one documented <see cref="WebhookParseErrorReason"/> — never another
/// exception type, and never a wrong type.
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>One body per provider with the discriminator replaced by <c>{0}</c>.</summary>
    public static TheoryData<WebhookProvider, string> Envelopes() => new()
    {
        { WebhookProvider.Payitoff, """{ "event_type": {0}, "data": { "borrower_id": "b", "servicer_id": "s" } }""" },
        { WebhookProvider.Canopy, """{ "data": { "account_id": "a" }, "hmac_signature": "x", "event": {0} }""" },
        { WebhookProvider.Spinwheel, """{ "userId": "u", "webhookId": "w", "eventType": {0} }""" },
        { WebhookProvider.Receeve, """{ "payload": { "details": { "messageType": {0} }, "messageId": "m" }, "signature": "s" }""" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_discriminator_of_the_wrong_json_type_is_InvalidDiscriminatorType(WebhookProvider provider, string envelope)
    {
        // Where the discriminator is optional (Spinwheel), null means "not sent": SpinwheelNullEventTypeTests.
        bool nullIsAbsent = provider == WebhookProvider.Spinwheel;
        foreach (string value in new[] { "42", "null", "true", "[\"x\"]", "{ \"name\": \"x\" }", "-1.5e300" })
        {
            if (value == "null" && nullIsAbsent)
            {
                continue;
            }

            var failure = Fail(provider, envelope.Replace("{0}", value, StringComparison.Ordinal));

            Assert.Equal(WebhookParseErrorReason.InvalidDiscriminatorType, failure.Reason);
        }
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Two_discriminators_naming_different_events_are_never_typed_as_either(WebhookProvider provider, string envelope)
    {
        var parser = BuiltInWebhookParsers.Default(provider);
        string first = parser.EventTypes[0].EventType;
        string second = parser.EventTypes[^1].EventType;
        string body = envelope.Replace("{0}", Quote(first), StringComparison.Ordinal);
        string pointer = ProviderTestProfiles.For(provider).EventTypePointer;
        string discriminator = pointer[(pointer.LastIndexOf('/') + 1)..];
        body = body.Replace($"\"{discriminator}\": ", $"\"{discriminator}\": {Quote(second)}, \"{discriminator}\": ", StringComparison.Ordinal);

        bool parsed = parser.TryParse(Encoding.UTF8.GetBytes(body), out var webhookEvent, out var failure);

        // A duplicate member is a schema mismatch for every typed event; an unknown event keeps the raw body.
        if (parsed)
        {
            Assert.IsAssignableFrom<IUnknownWebhookEvent>(webhookEvent);
        }
        else
        {
            Assert.True(failure!.Reason is WebhookParseErrorReason.SchemaMismatch, failure.Message);
        }
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_huge_unknown_member_within_the_limit_is_kept_and_a_body_over_it_is_rejected(WebhookProvider provider, string envelope)
    {
        var parser = BuiltInWebhookParsers.Default(provider);
        string huge = new('x', 900_000);
        string within = envelope.Replace("{0}", "\"not.a.documented.event\"", StringComparison.Ordinal).TrimEnd().TrimEnd('}') + $", \"blob\": \"{huge}\" }}";
        string over = within.Replace(huge, huge + new string('y', 200_000), StringComparison.Ordinal);

        var kept = parser.Parse(Encoding.UTF8.GetBytes(within));
        bool parsed = parser.TryParse(Encoding.UTF8.GetBytes(over), out _, out var failure);

        Assert.IsAssignableFrom<IUnknownWebhookEvent>(kept);
        Assert.Contains(huge, kept.GetRawText(), StringComparison.Ordinal);
        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, failure!.Reason);
    }

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void A_huge_discriminator_value_is_an_unknown_event_not_a_crash(WebhookProvider provider, string envelope)
    {
        string eventType = new('e', 500_000);

        var webhookEvent = BuiltInWebhookParsers.Default(provider).Parse(Encoding.UTF8.GetBytes(envelope.Replace("{0}", Quote(eventType), StringComparison.Ordinal)));

        Assert.IsAssignableFrom<IUnknownWebhookEvent>(webhookEvent);
        Assert.Equal(eventType, webhookEvent.EventType);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><event/>")]
    [InlineData("event=account_update&data=1")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("{\"a\":1}\u0000")]
    public void Content_that_is_not_json_is_MalformedJson_for_every_provider(string body)
    {
        foreach (var provider in ProviderTestProfiles.All.Select(p => p.Provider))
        {
            Assert.Equal(WebhookParseErrorReason.MalformedJson, Fail(provider, body).Reason);
        }
    }

    [Fact]
    public void Invalid_utf8_is_MalformedJson_for_every_provider()
    {
        foreach (var sample in DocumentedSamples.All)
        {
            byte[] body = sample.Body.ToArray();
            int quote = Array.LastIndexOf(body, (byte)'"', body.Length - 3);
            body[quote - 1] = 0xC3; // a lead byte followed by an ASCII byte
            body[quote - 2] = 0xFF;

            bool parsed = BuiltInWebhookParsers.Default(sample.Provider).TryParse(body, out _, out var failure);

            Assert.False(parsed, sample.Name);
            Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
        }
    }

    [Fact]
    public void A_utf8_bom_before_any_documented_sample_is_accepted()
    {
        foreach (var sample in DocumentedSamples.All)
        {
            byte[] body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(sample.Body.ToArray()).ToArray();

            var webhookEvent = BuiltInWebhookParsers.Default(sample.Provider).Parse(body, expectedEventType: sample.EventType);

            Assert.Equal(sample.Provider, webhookEvent.Provider);
        }
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("\"1\"")]
    public void An_integer_member_out_of_range_or_not_an_integer_is_a_schema_mismatch(string value)
    {
        string body = DocumentedSamples.Get(WebhookProvider.Canopy, "account_delinquency").BodyText
            .Replace("\"number_of_days_delinquent\": 0", "\"number_of_days_delinquent\": " + value, StringComparison.Ordinal);

        var failure = Fail(WebhookProvider.Canopy, body);

        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure.Reason);
        Assert.Equal("$.data.number_of_days_delinquent", failure.JsonPath);
    }

    [Theory]
    [InlineData("79228162514264337593543950336")]
    [InlineData("1e40")]
    [InlineData("\"12.5\"")]
    public void A_number_outside_the_decimal_range_is_a_schema_violation(string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value));
        reader.Read();

        try
        {
            JsonValueReaders.ReadDecimal(ref reader);
            Assert.Fail("Expected a schema violation.");
        }
        catch (SchemaViolationException)
        {
        }
    }

    [Theory]
    [InlineData("2023-02-30T13:23:00-05:00")]
    [InlineData("2023-01-30T25:23:00-05:00")]
    [InlineData("2023-01-30T13:23:00")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void An_invalid_or_offsetless_timestamp_is_a_schema_mismatch(string value)
    {
        string body = DocumentedSamples.Get(WebhookProvider.Canopy, "account_delinquency").BodyText
            .Replace("2023-01-30T13:23:00.487411-05:00", value, StringComparison.Ordinal);

        var failure = Fail(WebhookProvider.Canopy, body);

        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure.Reason);
        Assert.Equal("$.data.delinquent_as_of_date", failure.JsonPath);
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("99999999999999999")]
    [InlineData("-99999999999999999")]
    public void Epoch_milliseconds_outside_the_DateTimeOffset_range_are_a_schema_mismatch(string value)
    {
        string body = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED").BodyText
            .Replace("1708637591000", value, StringComparison.Ordinal);

        var failure = Fail(WebhookProvider.Spinwheel, body);

        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure.Reason);
        Assert.Equal("$.createdOn", failure.JsonPath);
    }

    private static WebhookParseError Fail(WebhookProvider provider, string body)
    {
        bool parsed = BuiltInWebhookParsers.Default(provider).TryParse(Encoding.UTF8.GetBytes(body), out var webhookEvent, out var failure);

        Assert.False(parsed, $"Expected a parse error, got {webhookEvent}");
        return failure!;
    }

    private static string Quote(string value) => "\"" + value + "\"";
}
