using System;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>The same generator and parser handle the other three providers' envelopes.</summary>
public sealed class EnvelopeProofTests
{
    [Fact]
    public void Canopy_event_is_found_after_a_large_data_object()
    {
        var filler = string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"extra_{i}\": {{ \"values\": [{i}, \"{i}\"] }}"));
        string body = $$"""
            { "data": { {{filler}}, "account_id": "can_1", "cure_amount": "3147", "customer_id": "848",
                        "delinquent_as_of_date": "2023-01-30T13:23:00.487411-05:00", "number_of_days_delinquent": 4,
                        "time_stamp": "2023-01-30T13:23:38.129534-05:00" },
              "hmac_signature": "sig", "event": "account_delinquency" }
            """;

        var webhookEvent = CanopyWebhookParser.Default.Parse(body);

        var delinquency = Assert.IsType<CanopyAccountDelinquencyEvent>(webhookEvent);
        Assert.Equal(4, delinquency.Data.NumberOfDaysDelinquent);
        Assert.Equal(5_000, delinquency.Data.ExtensionData!.Count);
    }

    [Fact]
    public void Canopy_documented_sample_types_its_timestamps_with_offsets()
    {
        var webhookEvent = (CanopyAccountDelinquencyEvent)DocumentedSampleData.Parse(WebhookProvider.Canopy, "account_delinquency");

        Assert.Equal(new DateTimeOffset(2023, 1, 30, 13, 23, 38, TimeSpan.FromHours(-5)).AddTicks(1_295_340), webhookEvent.Data.TimeStamp);
        Assert.Equal("dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw=", webhookEvent.HmacSignature);
    }

    [Fact]
    public void Spinwheel_epoch_milliseconds_become_a_DateTimeOffset()
    {
        var webhookEvent = (SpinwheelUserLiabilitiesConnectedEvent)DocumentedSampleData.Parse(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1708637591000), webhookEvent.CreatedOn);
    }

    [Fact]
    public void Spinwheel_body_without_event_type_is_unknown_without_a_hint()
    {
        const string body = """{ "userId": "u", "extUserId": "e", "createdOn": 1708637591000, "webhookId": "w" }""";

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var unknown = Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal(string.Empty, unknown.EventType);
        Assert.Equal("w", unknown.Payload.GetProperty("webhookId").GetString());
    }

    [Fact]
    public void Spinwheel_body_without_event_type_parses_with_the_route_hint()
    {
        const string body = """{ "userId": "u", "extUserId": "e", "createdOn": 1708637591000, "webhookId": "w" }""";

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body, expectedEventType: "USER_LIABILITIES_CONNECTED");

        Assert.IsType<SpinwheelUserLiabilitiesConnectedEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
        Assert.Equal("USER_LIABILITIES_CONNECTED", webhookEvent.EventType);
    }

    [Fact]
    public void Receeve_message_type_is_read_three_levels_deep()
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.claim.created.v1");

        var created = Assert.IsType<ReceeveClaimCreatedEvent>(webhookEvent);
        Assert.Equal(501, created.Payload.Details.Amount);
        Assert.Equal(new DateOnly(2021, 10, 7), created.Payload.Details.DueDate);
    }

    [Fact]
    public void Receeve_message_id_is_the_idempotency_key()
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.claim.created.v1");

        Assert.Equal("09feeb6f-350a-430a-a040-cd1c558cbc91", webhookEvent.IdempotencyKey);
    }

    [Fact]
    public void Receeve_unknown_event_still_carries_its_idempotency_key()
    {
        var webhookEvent = ReceeveWebhookParser.Default.Parse("""
            { "payload": { "details": { "messageType": "event.claim.archived.v1" }, "messageId": "m-1" }, "signature": "s" }
            """);

        Assert.IsType<ReceeveUnknownEvent>(webhookEvent);
        Assert.Equal("m-1", webhookEvent.IdempotencyKey);
    }

    [Fact]
    public void Spinwheel_webhook_id_is_the_idempotency_key()
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        Assert.Equal("1669434136600-0", webhookEvent.IdempotencyKey);
    }

    [Fact]
    public void An_unknown_Spinwheel_event_without_a_webhook_id_has_no_idempotency_key()
    {
        // The unknown event has no typed id, so the key comes from the scan: a missing id is no key, not an empty one.
        var webhookEvent = SpinwheelWebhookParser.Default.Parse("""{ "eventType": "NOT_DOCUMENTED_YET", "userId": "u1" }""");

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Null(webhookEvent.IdempotencyKey);
    }

    [Fact]
    public void Payitoff_has_no_deduplication_id_so_no_idempotency_key()
    {
        var payitoff = DocumentedSampleData.Parse(WebhookProvider.Payitoff, "test");

        Assert.Null(payitoff.IdempotencyKey);
    }

    [Fact]
    public void Canopy_hmac_signature_is_the_idempotency_key()
    {
        var canopy = DocumentedSampleData.Parse(WebhookProvider.Canopy, "account_delinquency");

        Assert.Equal("dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw=", canopy.IdempotencyKey);
    }

    [Fact]
    public void Receeve_unknown_version_of_a_known_event_parses_as_that_event_and_says_so()
    {
        string body = DocumentedSampleData.ReceeveClaimCreatedWithMessageType("event.claim.created.v2");

        var webhookEvent = ReceeveWebhookParser.Default.Parse(body);

        Assert.IsType<ReceeveClaimCreatedEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.VersionFallback, webhookEvent.Match);
        Assert.Equal("event.claim.created.v2", webhookEvent.EventType);
    }

    [Fact]
    public void Receeve_unknown_version_with_an_incompatible_shape_is_unknown_not_an_error()
    {
        // v2 renamed a required member: never mis-type it as v1, never lose it.
        string body = DocumentedSampleData.ReceeveClaimCreatedWithMessageType("event.claim.created.v2")
            .Replace("\"claimRef\"", "\"claimReference\"", StringComparison.Ordinal);

        var webhookEvent = ReceeveWebhookParser.Default.Parse(body);

        var unknown = Assert.IsType<ReceeveUnknownEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Unknown, unknown.Match);
        Assert.Equal("event.claim.created.v2", unknown.EventType);
        Assert.Equal(body, unknown.GetRawText());
        Assert.NotNull(unknown.IdempotencyKey);
    }

    [Theory]
    [InlineData("event.claim.created.v1", "event.claim.created", 1)]
    [InlineData("event.claim.created.v12", "event.claim.created", 12)]
    [InlineData("event.claim.created.v99999999999", "event.claim.created", null)]
    [InlineData("event.claim.created", "event.claim.created", null)]
    [InlineData("event.claim.created.vX", "event.claim.created.vX", null)]
    public void Receeve_events_expose_the_base_name_and_version_of_their_message_type(string messageType, string baseName, int? version)
    {
        var webhookEvent = ReceeveWebhookParser.Default.Parse(DocumentedSampleData.ReceeveClaimCreatedWithMessageType(messageType));

        Assert.Equal(baseName, webhookEvent.EventTypeBaseName);
        Assert.Equal(version, webhookEvent.EventTypeVersion);
    }

    [Theory]
    [InlineData("event.claim.created")]
    [InlineData("event.claim.created.vX")]
    [InlineData("event.claim.deleted.v1")]
    public void Receeve_message_type_that_is_not_a_known_event_version_is_unknown(string messageType)
    {
        string body = DocumentedSampleData.ReceeveClaimCreatedWithMessageType(messageType);

        var webhookEvent = ReceeveWebhookParser.Default.Parse(body);

        Assert.IsType<ReceeveUnknownEvent>(webhookEvent);
        Assert.Equal(messageType, webhookEvent.EventType);
    }

    [Theory]
    [InlineData("""{ "payload": "text", "signature": "s" }""", WebhookParseErrorReason.MissingDiscriminator)]
    [InlineData("""{ "payload": { "details": { "messageType": 1 } } }""", WebhookParseErrorReason.InvalidDiscriminatorType)]
    [InlineData("""{ "signature": "s" }""", WebhookParseErrorReason.MissingDiscriminator)]
    public void Receeve_broken_envelope_is_a_typed_error(string body, WebhookParseErrorReason reason)
    {
        bool parsed = ReceeveWebhookParser.Default.TryParse(Encoding.UTF8.GetBytes(body), out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(reason, failure!.Reason);
    }
}
