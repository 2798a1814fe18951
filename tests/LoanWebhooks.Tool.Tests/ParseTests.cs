using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

public sealed class ParseTests
{
    [Fact]
    public void A_documented_sample_parses_to_its_typed_event_with_an_exact_match()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off").Body.ToArray());

        var run = ToolRun.Of("parse", "--provider", "payitoff", "--body", body);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("event: PayitoffLoanPaidOffEvent", run.Output);
        Assert.Contains("event type: loan.paid_off", run.Output);
        Assert.Contains("match: Exact", run.Output);
    }

    [Fact]
    public void An_unknown_event_type_parses_as_unknown_without_repeating_the_type_it_sent()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", """{ "event_type": "borrower.sent_something_new", "data": {} }""");

        var run = ToolRun.Of("parse", "--provider", "payitoff", "--body", body);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("event type: (unknown event type)", run.Output);
        Assert.Contains("match: Unknown", run.Output);
        Assert.DoesNotContain("sent_something_new", run.AllText);
    }

    [Fact]
    public void Malformed_json_fails_with_exit_code_1_and_a_value_free_reason()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", """{ "event_type": "loan.paid_off", "data": { "secret-looking-value": """);

        var run = ToolRun.Of("parse", "--provider", "payitoff", "--body", body);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("payitoff: not parsed", run.Output);
        Assert.Contains("reason: MalformedJson", run.Output);
        Assert.DoesNotContain("secret-looking-value", run.AllText);
    }

    [Fact]
    public void The_expected_event_type_of_the_route_types_a_body_without_one()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_PAYMENT_STATUS").Body.ToArray());

        var run = ToolRun.Of("parse", "--provider", "spinwheel", "--body", body, "--event-type", "USER_PAYMENT_STATUS");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("event type: USER_PAYMENT_STATUS", run.Output);
    }
}
