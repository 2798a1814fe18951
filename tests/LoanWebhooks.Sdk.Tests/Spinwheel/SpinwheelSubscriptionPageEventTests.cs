using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>
/// The four events only Spinwheel's public subscription pages name (two seen as cut-off samples, two named only):
/// the members seen are typed, nothing is required, the rest is extension data, and without eventType they need
/// the caller's expected event type because no inference rule may claim them.
/// </summary>
public sealed class SpinwheelSubscriptionPageEventTests
{
    public static TheoryData<string, Type> PublicPageEvents() => new()
    {
        { "NEW_LIABILITIES_REPORTED", typeof(SpinwheelNewLiabilitiesReportedEvent) },
        { "STATEMENT_SUMMARY_NOTIFICATION", typeof(SpinwheelStatementSummaryNotificationEvent) },
        { "SUBSCRIPTION_ACTIVATED", typeof(SpinwheelSubscriptionActivatedEvent) },
        { "SUBSCRIPTION_FAILED", typeof(SpinwheelSubscriptionFailedEvent) },
    };

    [Theory]
    [MemberData(nameof(PublicPageEvents))]
    public void Body_without_event_type_and_without_an_expected_type_is_the_unknown_event(string eventType, Type typed)
    {
        string body = SpinwheelBodies.WithoutEventType(eventType);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsNotType(typed, webhookEvent);
        var unknown = Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Unknown, unknown.Match);
    }

    [Theory]
    [MemberData(nameof(PublicPageEvents))]
    public void Body_without_event_type_parses_to_its_type_with_the_expected_type_hint(string eventType, Type typed)
    {
        string body = SpinwheelBodies.WithoutEventType(eventType);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body, expectedEventType: eventType);

        Assert.IsType(typed, webhookEvent);
        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
        Assert.Equal(eventType, webhookEvent.EventType);
    }

    [Theory]
    [InlineData("NEW_LIABILITIES_REPORTED")]
    [InlineData("STATEMENT_SUMMARY_NOTIFICATION")]
    public void Subscription_notification_with_a_credit_profile_status_is_not_taken_for_a_credit_profile_event(string eventType)
    {
        // subscriptionId plus a COMPLETED status is the credit profile rule; the rest of the credit profile schema
        // (extUserId, createdOn) is missing, so the body must stay unknown rather than be mis-typed.
        string body = SpinwheelBodies.With(eventType, "eventType", null);
        body = body.Replace("\"userId\"", "\"status\":\"COMPLETED\",\"userId\"", StringComparison.Ordinal);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType<SpinwheelUnknownEvent>(webhookEvent);
    }

    [Theory]
    [MemberData(nameof(PublicPageEvents))]
    public void Webhook_id_is_the_idempotency_key(string eventType, Type typed)
    {
        var webhookEvent = SpinwheelBodies.Parse(eventType);

        Assert.IsType(typed, webhookEvent);
        Assert.Matches(@"^\d{13}-\d+$", webhookEvent.IdempotencyKey);
    }

    [Theory]
    [InlineData("""{ "eventType": "NEW_LIABILITIES_REPORTED" }""", typeof(SpinwheelNewLiabilitiesReportedEvent))]
    [InlineData("""{ "eventType": "STATEMENT_SUMMARY_NOTIFICATION" }""", typeof(SpinwheelStatementSummaryNotificationEvent))]
    [InlineData("""{ "eventType": "SUBSCRIPTION_ACTIVATED" }""", typeof(SpinwheelSubscriptionActivatedEvent))]
    [InlineData("""{ "eventType": "SUBSCRIPTION_FAILED" }""", typeof(SpinwheelSubscriptionFailedEvent))]
    public void Event_type_alone_is_enough_because_no_member_seen_in_the_public_pages_is_required(string body, Type typed)
    {
        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        Assert.IsType(typed, webhookEvent);
        Assert.Null(webhookEvent.IdempotencyKey);
    }

    [Fact]
    public void Members_the_cut_off_sample_does_not_show_are_kept_as_extension_data()
    {
        string body = SpinwheelBodies.With("NEW_LIABILITIES_REPORTED", "createdOn", 1708637591000);

        var reported = Assert.IsType<SpinwheelNewLiabilitiesReportedEvent>(SpinwheelWebhookParser.Default.Parse(body));

        Assert.Equal(1708637591000, reported.ExtensionData!["createdOn"].GetInt64());
    }

    [Fact]
    public void Subscription_outcome_keeps_whatever_it_carries_as_extension_data()
    {
        string body = SpinwheelBodies.With("SUBSCRIPTION_FAILED", "subscriptionId", "5d0e4b8a-6f1c-4c57-9a43-2f7c1e9b8d21");

        var failed = Assert.IsType<SpinwheelSubscriptionFailedEvent>(SpinwheelWebhookParser.Default.Parse(body));

        Assert.Equal("5d0e4b8a-6f1c-4c57-9a43-2f7c1e9b8d21", failed.ExtensionData!["subscriptionId"].GetString());
    }

    [Fact]
    public void New_liabilities_report_types_the_card_members_the_sample_shows()
    {
        var reported = (SpinwheelNewLiabilitiesReportedEvent)SpinwheelBodies.Parse("NEW_LIABILITIES_REPORTED");

        var card = Assert.Single(reported.Data!.CreditCards!);
        Assert.Equal("abc123", reported.UserId);
        Assert.Equal("9b2f6c1e-3a4d-4e8f-b7a0-1c2d3e4f5a6b", card.CreditCardId);
        Assert.Equal("123456******3456", card.CardProfile!.CreditCardNumberMasked);
    }

    [Fact]
    public void Masked_card_number_is_redacted_but_still_readable()
    {
        var reported = (SpinwheelNewLiabilitiesReportedEvent)SpinwheelBodies.Parse("NEW_LIABILITIES_REPORTED");

        string printed = reported.Data!.CreditCards![0].CardProfile!.ToString();

        Assert.DoesNotContain("3456", printed, StringComparison.Ordinal);
        Assert.Contains("CreditCardNumberMasked = ***", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_summary_types_amounts_as_decimals_and_keeps_the_formatted_date_as_text()
    {
        var notification = (SpinwheelStatementSummaryNotificationEvent)SpinwheelBodies.Parse("STATEMENT_SUMMARY_NOTIFICATION");

        var summary = Assert.Single(notification.Data!.CreditCards!).StatementSummary!;
        Assert.Equal(1200m, summary.StatementBalance);
        Assert.Equal(250.5m, summary.LastPaymentAmount);
        Assert.Equal(new DateTimeOffset(2021, 9, 15, 0, 0, 0, TimeSpan.Zero), summary.DueDate);
        Assert.Equal("2021-08-21", summary.LastPaymentDateWithFormat!.Value);
        Assert.Equal("YYYY-MM-DD", summary.LastPaymentDateWithFormat.Format);
    }

    [Fact]
    public void Statement_amounts_are_redacted_but_still_readable()
    {
        var notification = (SpinwheelStatementSummaryNotificationEvent)SpinwheelBodies.Parse("STATEMENT_SUMMARY_NOTIFICATION");

        string printed = notification.Data!.CreditCards![0].StatementSummary!.ToString();

        Assert.Contains("StatementBalance = ***", printed, StringComparison.Ordinal);
        Assert.Contains("MinimumPaymentAmount = ***", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("1200", printed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NEW_LIABILITIES_REPORTED")]
    [InlineData("STATEMENT_SUMMARY_NOTIFICATION")]
    public void Partial_sample_leaves_no_member_it_shows_in_extension_data(string eventType)
    {
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, eventType);

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(sample.Body.Span);

        Assert.Equal(DocumentedSampleOrigin.Partial, sample.Origin);
        Assert.Empty(Approval.SnapshotPrinter.FindExtensionData(webhookEvent));
    }

    [Fact]
    public void Credit_card_family_exposes_the_user_and_the_subscription()
    {
        var family = Assert.IsAssignableFrom<SpinwheelCreditCardEvent>(SpinwheelBodies.Parse("STATEMENT_SUMMARY_NOTIFICATION"));

        Assert.Equal("abc123", family.UserId);
        Assert.Equal("7a1c3e5f-2b4d-4f6a-8c9e-0d1f2a3b4c5d", family.SubscriptionId);
    }
}
