using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>
/// Spinwheel's table of webhook types names two events differently from their payloads
/// ('USER_PAYMENT STATUS', EMPTY_LOAN_ACCOUNT); those names parse as the payload's event, flagged as an alias.
/// </summary>
public sealed class SpinwheelAliasTests
{
    [Fact]
    public void Payment_status_with_the_tables_spelling_parses_as_USER_PAYMENT_STATUS()
    {
        string body = SpinwheelBodies.With("USER_PAYMENT_STATUS", "eventType", "USER_PAYMENT STATUS");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var payment = Assert.IsType<SpinwheelUserPaymentStatusEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Alias, payment.Match);
        Assert.Equal("USER_PAYMENT STATUS", payment.EventType);
        Assert.Equal("f9bcb792-7af5-4eee-a561-3b6bed634556", payment.TransactionId);
    }

    [Fact]
    public void Empty_loan_account_with_the_tables_name_parses_as_EMPTY_LOAN_ACCOUNT_WEBHOOK()
    {
        string body = SpinwheelBodies.With("EMPTY_LOAN_ACCOUNT_WEBHOOK", "eventType", "EMPTY_LOAN_ACCOUNT");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body);

        var empty = Assert.IsType<SpinwheelEmptyLoanAccountEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Alias, empty.Match);
        Assert.Equal("EMPTY_LOAN_ACCOUNT", empty.EventType);
        Assert.Equal("11b0d89d-6d86-4ff6-a2ab-46b99e2c1b1e", empty.AccountId);
    }

    [Fact]
    public void Documented_empty_loan_account_sample_is_an_exact_match_on_the_payloads_name()
    {
        var webhookEvent = SpinwheelBodies.Parse("EMPTY_LOAN_ACCOUNT_WEBHOOK");

        Assert.IsType<SpinwheelEmptyLoanAccountEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Exact, webhookEvent.Match);
        Assert.Equal("EMPTY_LOAN_ACCOUNT_WEBHOOK", webhookEvent.EventType);
    }

    [Fact]
    public void Route_named_after_the_table_accepts_the_payloads_event_type()
    {
        // A receiver that subscribed with the table's name passes that name as its expected type.
        string body = SpinwheelBodies.Sample("EMPTY_LOAN_ACCOUNT_WEBHOOK");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body, expectedEventType: "EMPTY_LOAN_ACCOUNT");

        Assert.IsType<SpinwheelEmptyLoanAccountEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Exact, webhookEvent.Match);
    }

    [Fact]
    public void Body_without_event_type_parses_with_the_tables_name_as_the_hint()
    {
        string body = SpinwheelBodies.WithoutEventType("USER_PAYMENT_STATUS");

        var webhookEvent = SpinwheelWebhookParser.Default.Parse(body, expectedEventType: "USER_PAYMENT STATUS");

        Assert.IsType<SpinwheelUserPaymentStatusEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
    }
}
