using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>
/// Spinwheel's eventType is optional, so <c>"eventType": null</c> says no more than leaving it out: the caller's
/// expected type, then inference, then the unknown event. A required discriminator that is null stays an error.
/// </summary>
public sealed class SpinwheelNullEventTypeTests
{
    [Fact]
    public void A_null_event_type_takes_the_expected_type_from_the_route()
    {
        string body = SpinwheelBodies.WithNull("USER_PAYMENT_STATUS", "eventType");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body, expectedEventType: "USER_PAYMENT_STATUS");

        Assert.IsType<SpinwheelUserPaymentStatusEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
        Assert.Equal("USER_PAYMENT_STATUS", webhookEvent.EventType);
    }

    [Fact]
    public void A_null_event_type_without_a_route_is_inferred_from_the_documented_shape()
    {
        string body = SpinwheelBodies.WithNull("USER_REFINANCE_STATUS", "eventType");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType<SpinwheelUserRefinanceStatusEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Inferred, webhookEvent.Match);
    }

    [Fact]
    public void A_null_event_type_that_nothing_identifies_is_the_unknown_event()
    {
        string body = SpinwheelBodies.WithNull("USER_PAYMENT_STATUS", "eventType");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var unknown = Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal(string.Empty, unknown.EventType);
        Assert.Equal(body, unknown.GetRawText());
    }

    [Fact]
    public void A_null_required_discriminator_is_still_InvalidDiscriminatorType_even_with_an_expected_type()
    {
        const string body = """{ "event_type": null, "data": { "borrower_id": "b", "servicer_id": "s" } }""";

        bool parsed = PayitoffWebhookParser.Default.TryParse(body, out _, out var failure, expectedEventType: "connectivity.interrupted");

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.InvalidDiscriminatorType, failure!.Reason);
    }
}
