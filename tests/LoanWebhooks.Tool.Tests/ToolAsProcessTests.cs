using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

/// <summary>Each command run as the installed tool runs: its own process, its real exit code and output.</summary>
public sealed class ToolAsProcessTests
{
    [Fact]
    public void Send_as_a_process_posts_a_canopy_sample_that_the_sdk_verifier_accepts()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolProcess.Run("send", "--provider", "canopy", "--event", "payment_reversed", "--to", endpoint.BaseUrl + "/webhooks/canopy", "--secret", "process-canopy-secret-01");

        Assert.Equal(0, run.ExitCode);
        var verifier = new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { "process-canopy-secret-01" } });
        Assert.True(verifier.Verify(new WebhookRequest(endpoint.Received.Body, WebhookHeaders.Empty, null)).IsVerified);
        Assert.DoesNotContain("process-canopy-secret-01", run.AllText);
    }

    [Fact]
    public void Send_as_a_process_signs_a_receeve_sample_that_the_printed_public_key_verifies()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolProcess.Run("send", "--provider", "receeve", "--event", "event.promiseToPay.created.v1", "--to", endpoint.BaseUrl + "/webhooks/receeve");

        Assert.Equal(0, run.ExitCode);
        var options = new ReceeveSignatureOptions();
        options.PublicKeys.Add(SendTests.PrintedPublicKey(run.Output));
        Assert.True(new ReceeveSignatureVerifier(options).Verify(new WebhookRequest(endpoint.Received.Body, WebhookHeaders.Empty, null)).IsVerified);
    }

    [Fact]
    public void Send_as_a_process_carries_payitoff_basic_credentials()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolProcess.Run("send", "--provider", "payitoff", "--event", "borrower.delinquent", "--to", endpoint.BaseUrl + "/webhooks/payitoff", "--basic", "payitoff:process-password-01");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("payitoff:process-password-01")), endpoint.Received.Headers["Authorization"]);
        Assert.DoesNotContain("process-password-01", run.AllText);
    }

    [Fact]
    public void Send_as_a_process_exits_with_1_when_the_endpoint_refuses()
    {
        using var endpoint = new LocalWebhookEndpoint(System.Net.HttpStatusCode.Unauthorized);

        var run = ToolProcess.Run("send", "--provider", "spinwheel", "--event", "USER_PAYMENT_STATUS", "--to", endpoint.BaseUrl + "/webhooks/spinwheel", "--secret-header", "X-Spinwheel-Secret", "--secret", "wrong-secret-01");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("/webhooks/spinwheel/USER_PAYMENT_STATUS", endpoint.Received.Path);
        Assert.Contains("status: 401", run.Output);
    }

    [Fact]
    public void Events_as_a_process_lists_115_event_types()
    {
        var run = ToolProcess.Run("events", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var providers = json.RootElement.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetProperty("provider").GetString()).ToList();
        Assert.Equal(115, providers.Count);
        Assert.Equal(17, providers.Count(p => p == "spinwheel"));
        Assert.Equal(76, providers.Count(p => p == "receeve"));
        Assert.Equal(11, providers.Count(p => p == "canopy"));
        Assert.Equal(11, providers.Count(p => p == "payitoff"));
    }

    [Fact]
    public void Schema_as_a_process_marks_a_sensitive_member()
    {
        var run = ToolProcess.Run("schema", "event.claim.created.v1", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        JsonElement email = json.RootElement.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("path").GetString() == "payload.user.email");
        Assert.True(email.GetProperty("sensitive").GetBoolean());
    }

    [Fact]
    public void Verify_as_a_process_exits_with_0_for_a_signed_body_and_1_for_a_wrong_secret()
    {
        using var files = new CapturedRequestFiles();
        byte[] signed = CanopyWebhookSigner.Sign(DocumentedSamples.Get(WebhookProvider.Canopy, "account_update").Body.Span, "process-verify-secret-01");
        string body = files.Write("req.json", signed);

        var verified = ToolProcess.Run("verify", "--provider", "canopy", "--body", body, "--secret", "process-verify-secret-01");
        var wrong = ToolProcess.Run("verify", "--provider", "canopy", "--body", body, "--secret", "process-other-secret-01");

        Assert.Equal(0, verified.ExitCode);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("reason: InvalidCredential", wrong.Output);
    }

    [Fact]
    public void Parse_as_a_process_prints_the_typed_event()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off").Body.ToArray());

        var run = ToolProcess.Run("parse", "--provider", "payitoff", "--body", body);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("event: PayitoffLoanPaidOffEvent", run.Output);
    }

    [Theory]
    [InlineData("send", "--provider", "canopy", "--event", "account_update")]
    [InlineData("schema")]
    [InlineData("events", "--provider", "stripe")]
    [InlineData("no-such-command")]
    public void A_usage_error_as_a_process_exits_with_2(params string[] args)
    {
        var run = ToolProcess.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Error);
    }
}
