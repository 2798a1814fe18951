using System.Text.Json;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Serialization;
using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// How a body without a discriminator is matched against <c>x-infer</c> rules, on a catalog built here so each
/// rule is explicit: exactly one matching rule infers, anything else stays unknown.
/// </summary>
public sealed class InferenceRuleTests
{
    private const string Connected = """
        { "userId": "u1", "extUserId": "e1", "createdOn": 1708637591000, "webhookId": "w1", "status": "COMPLETED", "subscriptionId": "s1" }
        """;

    [Fact]
    public void A_body_matching_exactly_one_rule_is_inferred_as_that_event()
    {
        var parser = new TwoRuleParser();

        var webhookEvent = parser.Parse(Connected.Replace("\"subscriptionId\": \"s1\"", "\"other\": 1", System.StringComparison.Ordinal));

        Assert.IsType<SpinwheelUserLiabilitiesConnectedEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Inferred, webhookEvent.Match);
        Assert.Equal("BY_MEMBERS", webhookEvent.EventType);
    }

    [Fact]
    public void A_body_matching_two_rules_is_unknown()
    {
        var webhookEvent = new TwoRuleParser().Parse(Connected);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Unknown, webhookEvent.Match);
        Assert.Equal(string.Empty, webhookEvent.EventType);
    }

    [Theory]
    [InlineData("\"status\": \"REPORT_FAILED\"")]
    [InlineData("\"status\": 7")]
    public void A_value_outside_the_documented_set_does_not_match(string status)
    {
        // subscriptionId is present, so only the status value decides; extUserId is removed so BY_MEMBERS cannot match.
        string body = Connected
            .Replace("\"status\": \"COMPLETED\"", status, System.StringComparison.Ordinal)
            .Replace("\"extUserId\": \"e1\"", "\"x\": 0", System.StringComparison.Ordinal);

        var webhookEvent = new TwoRuleParser().Parse(body);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
    }

    [Fact]
    public void An_inferred_body_that_does_not_fit_the_events_schema_is_unknown_not_an_error()
    {
        // Matches the members rule but lacks the required createdOn.
        string body = """{ "userId": "u1", "extUserId": "e1", "webhookId": "w1" }""";

        var webhookEvent = new TwoRuleParser().Parse(body);

        var unknown = Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal(body, unknown.GetRawText());
        Assert.Equal("w1", unknown.IdempotencyKey);

        // The body named no event type, so the unknown event names none either (not the inferred one).
        Assert.Equal(string.Empty, unknown.EventType);
    }

    [Fact]
    public void An_inferred_body_with_content_after_its_object_is_malformed_json_naming_the_inferred_event()
    {
        // Malformed is not "does not fit the schema": it is an error, not an unknown event, and the error names the
        // event the rules chose (one of the provider's own names, never text from the body).
        string body = Connected.Replace("\"subscriptionId\": \"s1\"", "\"other\": 1", System.StringComparison.Ordinal) + " x";

        bool parsed = new TwoRuleParser().TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
        Assert.Equal("BY_MEMBERS", failure.EventType);
    }

    [Fact]
    public void An_expected_event_type_wins_over_the_rules()
    {
        var webhookEvent = new TwoRuleParser().Parse(Connected, expectedEventType: "BY_VALUES");

        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
        Assert.Equal("BY_VALUES", webhookEvent.EventType);
    }

    [Fact]
    public void A_body_with_a_discriminator_never_consults_the_rules()
    {
        var webhookEvent = new TwoRuleParser().Parse(Connected.Replace("{", "{ \"eventType\": \"SOMETHING_ELSE\",", System.StringComparison.Ordinal));

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal("SOMETHING_ELSE", webhookEvent.EventType);
    }

    /// <summary>Two events read by the same converter: one inferred from members, one from a member's value.</summary>
    private sealed class TwoRuleParser : WebhookParser<SpinwheelEvent>
    {
        public TwoRuleParser()
            : base(Catalog(), new WebhookParserOptions())
        {
        }

        private static WebhookEventCatalog<SpinwheelEvent> Catalog()
        {
            static SpinwheelEvent Read(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
                SpinwheelUserLiabilitiesConnectedEventJsonConverter.Instance.Read(ref reader, typeof(SpinwheelUserLiabilitiesConnectedEvent), options);

            return new WebhookEventCatalog<SpinwheelEvent>(
                WebhookProvider.Spinwheel,
                new WebhookDiscriminator(new[] { "eventType" }, optional: true, versioned: false),
                new[] { "webhookId" },
                new WebhookEventDescriptor<SpinwheelEvent>[]
                {
                    new("BY_MEMBERS", System.Array.Empty<string>(), typeof(SpinwheelUserLiabilitiesConnectedEvent), Read, new WebhookInferenceRule(new[] { "userId", "extUserId" }, System.Array.Empty<WebhookInferenceValues>())),
                    new("BY_VALUES", System.Array.Empty<string>(), typeof(SpinwheelUserLiabilitiesConnectedEvent), Read, new WebhookInferenceRule(new[] { "subscriptionId" }, new[] { new WebhookInferenceValues("status", new[] { "COMPLETED", "PENDING" }) })),
                    new("NO_RULE", System.Array.Empty<string>(), typeof(SpinwheelUserLiabilitiesConnectedEvent), Read),
                },
                static (eventType, payload) => new SpinwheelUnknownEvent(eventType, payload),
                typeof(SpinwheelUnknownEvent));
        }
    }
}
