using System.Text;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Receeve;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// Which event type an error may name. When the body names a known event in a version this SDK does not know: the
/// known name plus a version of ".v" and up to nine digits; a longer version is text the body chose, and is not named.
/// When it names a type this SDK does not know at all: only the type the caller expected, when it is that one.
/// </summary>
public sealed class ReportedEventTypeTests
{
    [Theory]
    [InlineData("event.claim.created.v2", "event.claim.created.v2")]
    [InlineData("event.claim.created.v123456789", "event.claim.created.v123456789")]
    [InlineData("event.claim.created.v1234567890", null)]
    public void An_unexpected_unknown_version_of_a_known_event_is_named_only_with_a_short_version(string messageType, string? named)
    {
        byte[] body = Encoding.UTF8.GetBytes(DocumentedSampleData.ReceeveClaimCreatedWithMessageType(messageType));

        bool parsed = ReceeveWebhookParser.Default.TryParse(body, out _, out var failure, expectedEventType: "event.something.else.v1");

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, failure!.Reason);
        Assert.Equal(named, failure.EventType);
    }

    [Fact]
    public void An_unknown_type_where_another_was_expected_is_not_named_and_the_message_says_it_is_unknown()
    {
        bool parsed = PayitoffWebhookParser.Default.TryParse(
            """{ "event_type": "not.documented.yet", "data": {} }""", out _, out var failure, expectedEventType: "loan.paid_off");

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, failure!.Reason);
        Assert.Null(failure.EventType);
        Assert.Equal("The body names an event type this SDK does not know, but 'loan.paid_off' was expected.", failure.Message);
    }

    [Theory]
    [InlineData("not.documented.yet", "not.documented.yet")]
    [InlineData(null, null)]
    public void A_malformed_body_of_an_unknown_type_names_that_type_only_when_it_was_the_expected_one(string? expectedEventType, string? named)
    {
        bool parsed = PayitoffWebhookParser.Default.TryParse(
            """{ "event_type": "not.documented.yet", "data": }""", out _, out var failure, expectedEventType);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
        Assert.Equal(named, failure.EventType);
    }
}
