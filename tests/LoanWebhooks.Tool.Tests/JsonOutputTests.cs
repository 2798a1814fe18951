using System.Text.Json;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

public sealed class JsonOutputTests
{
    private const string Secret = "canopy-webhook-secret-0002";

    [Fact]
    public void A_failed_verification_is_one_json_object_with_the_reason_and_the_diagnosis()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopyWebhookSigner.Sign(CanopySample(), Secret));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", "another-secret-0002", "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("canopy", json.RootElement.GetProperty("provider").GetString());
        Assert.False(json.RootElement.GetProperty("verified").GetBoolean());
        Assert.Equal("InvalidCredential", json.RootElement.GetProperty("reason").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("diagnosis").GetString()));
        Assert.DoesNotContain("another-secret-0002", run.AllText);
    }

    [Fact]
    public void A_verified_request_is_verified_true_in_json()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopyWebhookSigner.Sign(CanopySample(), Secret));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", Secret, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("verified").GetBoolean());
    }

    [Fact]
    public void A_parsed_body_gives_its_event_type_and_match_in_json()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopySample());

        var run = ToolRun.Of("parse", "--provider", "canopy", "--body", body, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("parsed").GetBoolean());
        Assert.Equal("account_update", json.RootElement.GetProperty("eventType").GetString());
        Assert.Equal("Exact", json.RootElement.GetProperty("match").GetString());
    }

    private static byte[] CanopySample() => DocumentedSamples.Get(WebhookProvider.Canopy, "account_update").Body.ToArray();
}
