using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>The dispatcher logs what happened to a delivery, and never what it contained.</summary>
public sealed class DispatchLoggingTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    // Values from the loan.paid_off sample (its expanded Borrower) that must never reach a log.
    private static readonly string[] BodyValues = { "Jane", "Doe", "jane.doe@example.com", "5555550123", "1990-04-17", "123 Main St", "29847388-7220-40a2-8596-2732ce167a34" };

    [Fact]
    public async Task An_accepted_delivery_logs_provider_event_type_key_outcome_and_duration()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        // The documented loan.paid_off carries members its schema leaves out: those are the drift warnings (event ids 30, 31).
        var entry = Assert.Single(host.Logs.Entries, e => e.Level >= LogLevel.Information && e.EventId.Id is not (30 or 31));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("LoanWebhooks.Sdk.Dispatch.WebhookDispatcher", entry.Category);
        Assert.Equal($"Webhook Payitoff loan.paid_off accepted ({result.IdempotencyKey}): 1 handler(s) ran in 0.0 ms", entry.Message);
        Assert.Contains(entry.State, kv => kv.Key == "IdempotencyKey" && Equals(kv.Value, result.IdempotencyKey));
        Assert.Contains(entry.State, kv => kv.Key == "DurationMs");
    }

    [Fact]
    public async Task No_outcome_logs_the_body_or_a_credential()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<FailingLoanPaidOffHandler>());
        byte[] schemaMismatch = Encoding.UTF8.GetBytes(LoanPaidOff.BodyText.Replace("\"loan\"", "\"loan_\"", StringComparison.Ordinal));

        await host.DispatchAsync(LoanPaidOff);
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: "wrong-secret-value"));
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, schemaMismatch));
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, Encoding.UTF8.GetBytes("{\"event_type\": \"loan.paid_off\", \"data\": { \"email\": \"jane.doe@example.com\"")));

        var entries = host.Logs.Entries;
        Assert.Contains(entries, e => e.EventId.Id == 9 && e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
        Assert.Contains(entries, e => e.EventId.Id == 5 && e.Level == LogLevel.Warning);
        Assert.Contains(entries, e => e.EventId.Id == 17 && e.Message.Contains("SchemaMismatch", StringComparison.Ordinal));
        string everything = string.Join("\n", entries.Select(e => e.AllText));
        Assert.All(BodyValues, value => Assert.DoesNotContain(value, everything, StringComparison.Ordinal));
        Assert.DoesNotContain("wrong-secret-value", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(DispatchTestHost.Secret, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_and_a_rejection_each_log_one_line_with_their_outcome()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        await host.DispatchAsync(LoanPaidOff);

        await host.DispatchAsync(LoanPaidOff);
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: null));

        var lines = host.Logs.Entries.Where(e => e.Level >= LogLevel.Information && e.EventId.Id is not (30 or 31)).Select(e => e.Message).ToList();
        Assert.Equal(3, lines.Count);
        Assert.StartsWith("Webhook Payitoff loan.paid_off is a duplicate of a processed delivery (payitoff:sha256:", lines[1], StringComparison.Ordinal);
        Assert.Equal("Webhook Payitoff rejected with 503: verification failed (MissingCredential). The request has no X-Test-Secret header.", lines[2]);
    }

    [Fact]
    public async Task An_unknown_event_type_is_not_logged_because_the_body_chose_it()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        byte[] body = Encoding.UTF8.GetBytes("""{ "eventType": "888-88-8888 Miriam Trevino", "webhookId": "1669434136600-0", "data": {} }""");

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Spinwheel, body));
        var again = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Spinwheel, body));

        Assert.Equal(WebhookEventMatch.Unknown, result.Event!.Match);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, again.Outcome);
        string everything = string.Join("\n", host.Logs.Entries.Select(e => e.AllText));
        Assert.Contains("(unknown event type)", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Miriam", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("888-88-8888", everything, StringComparison.Ordinal);
    }
}
