using System.Text;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Receeve;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// Which event type an error may name when the body names a known event in a version this SDK does not know: the
/// known name plus a version of ".v" and up to nine digits; a longer version is text the body chose, and is not named.
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
}
