using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Tests.Dispatch;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>Members that land in ExtensionData and unknown event types: on the event, counted, and logged once.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class SchemaDriftTelemetryTests
{
    // A sample that fits its schema exactly (several documented Payitoff samples carry members the schemas leave out).
    private static readonly DocumentedSample Approved = DispatchTestHost.Sample(WebhookProvider.Payitoff, "enrollment.approved");

    [Fact]
    public void A_body_that_fits_its_schema_has_no_unmapped_members()
    {
        var webhookEvent = PayitoffWebhookParser.Default.Parse(Approved.Body.Span);

        Assert.Empty(webhookEvent.UnmappedMembers);
    }

    [Fact]
    public void Members_the_schema_does_not_describe_are_named_on_the_event_by_record_and_member_without_their_values()
    {
        byte[] body = With(("{", "{ \"root_addition\": \"secret-value-1\","), ("\"data\": {", "\"data\": { \"data_addition\": { \"nested\": \"secret-value-2\" },"));

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        Assert.Equal(new[] { "PayitoffEnrollmentApprovedData.data_addition", "PayitoffEnrollmentApprovedEvent.root_addition" }, webhookEvent.UnmappedMembers.Order());
        Assert.DoesNotContain(webhookEvent.UnmappedMembers, m => m.Contains("secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_unmapped_member_is_counted_by_provider_event_type_and_path_and_logged_once()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), payitoffDeduplicatesBodies: false);
        using var telemetry = new TelemetryCapture();
        using var members = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(Sdk.Diagnostics.WebhookTelemetry.UnmappedMembers);
        byte[] body = With(("{", "{ \"counted_addition_a1\": 1,"));

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));

        var counted = members.GetMeasurementSnapshot();
        Assert.Equal(2, counted.Count);
        Assert.All(counted, m => Assert.Equal(
            new[] { ("webhook.event_type", (object?)"enrollment.approved"), ("webhook.member.path", "PayitoffEnrollmentApprovedEvent.counted_addition_a1"), ("webhook.provider", "Payitoff") },
            m.Tags.OrderBy(t => t.Key).Select(t => (t.Key, t.Value))));
        var logged = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 30);
        Assert.Contains("PayitoffEnrollmentApprovedEvent.counted_addition_a1", logged.Message, StringComparison.Ordinal);
        Assert.Contains("enrollment.approved", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_dispatcher_logs_a_drifted_member_once_whatever_another_dispatcher_in_the_process_saw()
    {
        byte[] body = With(("{", "{ \"per_dispatcher_c3\": 1,"));
        await using var first = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), payitoffDeduplicatesBodies: false);
        await using var second = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), payitoffDeduplicatesBodies: false);

        await first.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));
        await second.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));
        await second.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));

        Assert.Single(first.Logs.Entries, e => e.EventId.Id == 30);
        Assert.Single(second.Logs.Entries, e => e.EventId.Id == 30);
    }

    [Fact]
    public async Task A_member_key_that_is_not_a_plain_name_is_counted_as_other_and_never_logged()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        using var members = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(Sdk.Diagnostics.WebhookTelemetry.UnmappedMembers);

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, With(("{", "{ \"1234-5678 jane@example.com\": true,"))));

        Assert.Equal(new[] { "PayitoffEnrollmentApprovedEvent.1234-5678 jane@example.com" }, result.Event!.UnmappedMembers);
        Assert.Equal("_OTHER", Assert.Single(members.GetMeasurementSnapshot()).Tags["webhook.member.path"]);
        Assert.DoesNotContain(host.Logs.Entries, e => e.EventId.Id == 30);
    }

    [Fact]
    public async Task An_unknown_event_type_is_logged_once_by_its_name()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), payitoffDeduplicatesBodies: false);
        byte[] body = Encoding.UTF8.GetBytes(Approved.BodyText.Replace("\"enrollment.approved\"", "\"loan.logged_once_b2\"", StringComparison.Ordinal));

        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));
        await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));

        var logged = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 31);
        Assert.Contains("loan.logged_once_b2", logged.Message, StringComparison.Ordinal);
    }

    private static byte[] With(params (string Find, string Replace)[] edits)
    {
        string text = Approved.BodyText;
        foreach (var (find, replace) in edits)
        {
            int at = text.IndexOf(find, StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
        }

        return Encoding.UTF8.GetBytes(text);
    }
}
