using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>ToString never prints fields the schemas mark x-sensitive, free-form JSON or the raw body.</summary>
public sealed class RedactionTests
{
    [Fact]
    public void Sensitive_borrower_fields_are_redacted_but_still_readable()
    {
        var webhookEvent = (PayitoffRefinanceInitiatedEvent)DocumentedSampleData.Parse(WebhookProvider.Payitoff, "refinance.initiated");
        var borrower = webhookEvent.Data.Borrower;

        string printed = webhookEvent.ToString();

        Assert.Equal("jane.doe@example.com", borrower.Email);
        foreach (string value in new[] { "jane.doe@example.com", "Jane", "Doe", "1990", "5555550123", "123 Main St", "Springfield Public Schools" })
        {
            Assert.DoesNotContain(value, printed, StringComparison.Ordinal);
        }

        Assert.Contains("Email = ***", printed, StringComparison.Ordinal);
        Assert.Contains(borrower.Uuid, printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Extension_data_prints_its_size_only()
    {
        var webhookEvent = (PayitoffRefinanceInitiatedEvent)DocumentedSampleData.Parse(WebhookProvider.Payitoff, "refinance.initiated");

        string printed = webhookEvent.Data.Borrower.ToString();

        Assert.DoesNotContain("state_of_residence", printed, StringComparison.Ordinal);
        Assert.Contains("ExtensionData = 2 member(s)", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_event_prints_no_payload()
    {
        var webhookEvent = PayitoffWebhookParser.Default.Parse("""{ "event_type": "x.y", "data": { "ssn": "888888888" } }""");

        string printed = webhookEvent.ToString();

        Assert.DoesNotContain("888888888", printed, StringComparison.Ordinal);
        Assert.Contains("EventType = x.y", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitive_receeve_user_email_is_redacted()
    {
        var webhookEvent = (ReceeveClaimCreatedEvent)ReceeveWebhookParser.Default.Parse("""
            { "payload": { "details": { "messageType": "event.claim.created.v1", "accountReference": "a", "claimRef": "c",
              "receeveClaimRef": "r", "amount": 1, "currency": "EUR", "dueDate": "2021-10-07" },
              "messageId": "m", "timestamp": "2021-10-14T15:33:16.848Z", "user": { "id": "u", "email": "agent@example.com" } },
              "signature": "s" }
            """);

        Assert.DoesNotContain("agent@example.com", webhookEvent.ToString(), StringComparison.Ordinal);
        Assert.Equal("agent@example.com", webhookEvent.Payload.User!.Email);
    }
}
