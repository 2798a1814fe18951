using System.Linq;
using System.Text.Json;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void A_sensitive_member_behind_a_reference_is_marked_and_an_identifier_is_not()
    {
        var run = ToolRun.Of("schema", "loan.paid_off");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("payitoff loan.paid_off: PayitoffLoanPaidOffEvent", run.Output);
        Assert.EndsWith("sensitive", Line(run.Output, "data.borrower.email"));
        Assert.EndsWith("required", Line(run.Output, "data.borrower.uuid"));
    }

    [Fact]
    public void Members_have_their_json_type_and_whether_they_are_required_in_json()
    {
        var run = ToolRun.Of("schema", "event.claim.created.v1", "--provider", "receeve", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("Claim", json.RootElement.GetProperty("family").GetString());
        var members = json.RootElement.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("path").GetString()!);
        Assert.Equal("string (date)", members["payload.details.dueDate"].GetProperty("type").GetString());
        Assert.True(members["payload.details.dueDate"].GetProperty("required").GetBoolean());
        Assert.False(members["payload.user"].GetProperty("required").GetBoolean());
        Assert.True(members["payload.user.email"].GetProperty("sensitive").GetBoolean());
        Assert.False(members["payload.details.amount"].GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public void Array_elements_members_are_listed_under_brackets()
    {
        var run = ToolRun.Of("schema", "loan.paid_off", "--json");

        using var json = JsonDocument.Parse(run.Output);
        var paths = json.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("path").GetString()).ToList();
        Assert.Contains("data.borrower.income_certifications[].type", paths);
    }

    [Fact]
    public void Every_event_type_the_sdk_knows_has_a_schema_with_members()
    {
        var events = ToolRun.Of("events", "--json");
        using var json = JsonDocument.Parse(events.Output);

        foreach (JsonElement entry in json.RootElement.GetProperty("eventTypes").EnumerateArray())
        {
            var run = ToolRun.Of("schema", entry.GetProperty("eventType").GetString()!, "--provider", entry.GetProperty("provider").GetString()!);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains(" members, ", run.Output);
        }
    }

    [Fact]
    public void An_unknown_event_type_is_a_usage_error_that_points_to_events()
    {
        var run = ToolRun.Of("schema", "loan.paid_off", "--provider", "canopy");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("loanwebhooks events", run.Error);
    }

    private static string Line(string output, string path) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.TrimStart().StartsWith(path + " ", System.StringComparison.Ordinal));
}
