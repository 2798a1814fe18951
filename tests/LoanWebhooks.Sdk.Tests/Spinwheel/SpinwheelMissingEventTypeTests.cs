using System;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>
/// Three of Spinwheel's documented payloads have no eventType. They parse with the receiver's
/// expected-type hint, or are inferred from their members; anything the rules do not single out is
/// the unknown event, never a guess.
/// </summary>
public sealed class SpinwheelMissingEventTypeTests
{
    public static TheoryData<string, Type> SamplesWithoutEventType() => new()
    {
        { "USER_CREDIT_PROFILE_TRANSACTION", typeof(SpinwheelUserCreditProfileTransactionEvent) },
        { "USER_CREDIT_PROFILE_TRANSACTION_FAILED", typeof(SpinwheelUserCreditProfileTransactionFailedEvent) },
        { "USER_REFINANCE_STATUS", typeof(SpinwheelUserRefinanceStatusEvent) },
    };

    public static TheoryData<string> SamplesWithEventType()
    {
        var names = new TheoryData<string>();
        foreach (var sample in DocumentedSamples.For(WebhookProvider.Spinwheel).Where(s => s.BodyText.Contains("\"eventType\"", StringComparison.Ordinal)))
        {
            names.Add(sample.EventType);
        }

        return names;
    }

    [Fact]
    public void Exactly_the_three_documented_samples_lack_an_event_type()
    {
        var without = DocumentedSamples.For(WebhookProvider.Spinwheel)
            .Where(s => !s.BodyText.Contains("\"eventType\"", StringComparison.Ordinal))
            .Select(s => s.EventType);

        Assert.Equal(SamplesWithoutEventType().Select(row => (string)row[0]), without);
    }

    [Theory]
    [MemberData(nameof(SamplesWithoutEventType))]
    public void Sample_without_event_type_parses_to_its_type_with_the_expected_type_hint(string eventType, Type expected)
    {
        var webhookEvent = SpinwheelWebhookParser.Default.Parse(SpinwheelBodies.Sample(eventType), expectedEventType: eventType);

        Assert.IsType(expected, webhookEvent);
        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
        Assert.Equal(eventType, webhookEvent.EventType);
    }

    [Theory]
    [MemberData(nameof(SamplesWithoutEventType))]
    public void Sample_without_event_type_is_inferred_without_a_hint(string eventType, Type expected)
    {
        var webhookEvent = SpinwheelWebhookParser.Default.Parse(SpinwheelBodies.Sample(eventType));

        Assert.IsType(expected, webhookEvent);
        Assert.Equal(WebhookEventMatch.Inferred, webhookEvent.Match);
        Assert.Equal(eventType, webhookEvent.EventType);
    }

    [Theory]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION", "PENDING", typeof(SpinwheelUserCreditProfileTransactionEvent))]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION", "FRAUDULENT_REPORT", typeof(SpinwheelUserCreditProfileTransactionFailedEvent))]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED", "REPORT_FAILED", typeof(SpinwheelUserCreditProfileTransactionFailedEvent))]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED", "COMPLETED", typeof(SpinwheelUserCreditProfileTransactionEvent))]
    public void Credit_profile_event_is_told_apart_by_its_status_alone(string sample, string status, Type expected)
    {
        string body = SpinwheelBodies.With(sample, "status", status);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType(expected, webhookEvent);
        Assert.Equal(WebhookEventMatch.Inferred, webhookEvent.Match);
    }

    [Theory]
    [InlineData("ARCHIVED")]
    [InlineData("completed")]
    [InlineData("")]
    public void Credit_profile_body_with_an_undocumented_status_is_the_unknown_event(string status)
    {
        string body = SpinwheelBodies.With("USER_CREDIT_PROFILE_TRANSACTION", "status", status);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var unknown = Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Unknown, unknown.Match);
        Assert.Equal(string.Empty, unknown.EventType);
        Assert.Equal(status, unknown.Payload.GetProperty("status").GetString());
        Assert.Equal("28ddf73b-bd93-4c06-afa5-fd4e3994d23f", unknown.Payload.GetProperty("subscriptionId").GetString());
    }

    [Fact]
    public void Credit_profile_body_without_a_status_is_the_unknown_event()
    {
        string body = SpinwheelBodies.With("USER_CREDIT_PROFILE_TRANSACTION", "status", null);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
    }

    [Fact]
    public void Credit_profile_body_whose_status_is_not_a_string_is_the_unknown_event()
    {
        string body = SpinwheelBodies.With("USER_CREDIT_PROFILE_TRANSACTION", "status", 2000);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
    }

    [Fact]
    public void Undocumented_status_still_parses_to_the_hinted_type_and_is_flagged_unknown()
    {
        string body = SpinwheelBodies.With("USER_CREDIT_PROFILE_TRANSACTION_FAILED", "status", "REPORT_LOCKED");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body, expectedEventType: "USER_CREDIT_PROFILE_TRANSACTION_FAILED");

        var failed = Assert.IsType<SpinwheelUserCreditProfileTransactionFailedEvent>(webhookEvent);
        Assert.False(failed.Status.IsKnown);
        Assert.Equal("REPORT_LOCKED", failed.Status.Value);
    }

    [Fact]
    public void Refinance_body_with_an_undocumented_status_is_still_inferred_by_its_application_id()
    {
        string body = SpinwheelBodies.With("USER_REFINANCE_STATUS", "status", "FUNDED");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var refinance = Assert.IsType<SpinwheelUserRefinanceStatusEvent>(webhookEvent);
        Assert.False(refinance.Status.IsKnown);
    }

    [Fact]
    public void Body_that_matches_two_inference_rules_is_the_unknown_event()
    {
        string body = SpinwheelBodies.With("USER_CREDIT_PROFILE_TRANSACTION", "applicationId", "e1b0d89d-6d86-4ff6-a2ab-46b99e2c1b1e");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var unknown = Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal("e1b0d89d-6d86-4ff6-a2ab-46b99e2c1b1e", unknown.Payload.GetProperty("applicationId").GetString());
    }

    [Theory]
    [MemberData(nameof(SamplesWithEventType))]
    public void No_inference_rule_claims_another_documented_event_once_its_event_type_is_removed(string eventType)
    {
        string body = SpinwheelBodies.WithoutEventType(eventType);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
    }

    [Theory]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION")]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED")]
    [InlineData("USER_REFINANCE_STATUS")]
    public void Event_type_in_the_body_wins_over_inference(string eventType)
    {
        string body = SpinwheelBodies.With(eventType, "eventType", "USER_PAYMENT_STATUS_V2");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal("USER_PAYMENT_STATUS_V2", webhookEvent.EventType);
    }
}
