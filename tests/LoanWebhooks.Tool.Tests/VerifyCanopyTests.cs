using System;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

// Shares the LOANWEBHOOKS_SECRET environment variable (one test sets it, others need it unset): never in parallel.
[Collection("LOANWEBHOOKS_SECRET")]
public sealed class VerifyCanopyTests
{
    private const string Secret = "canopy-webhook-secret-0001";
    private const string OtherSecret = "a-secret-canopy-never-used";

    [Fact]
    public void A_body_signed_with_the_secret_is_verified_with_exit_code_0()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopyWebhookSigner.Sign(Sample(), Secret));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", Secret);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("canopy: verified", run.Output.Trim());
    }

    [Fact]
    public void A_wrong_secret_fails_with_the_reason_and_a_diagnosis_that_names_neither_secret()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopyWebhookSigner.Sign(Sample(), Secret));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", OtherSecret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("canopy: not verified", run.Output);
        Assert.Contains("reason: InvalidCredential", run.Output);
        Assert.Contains("diagnosis: ", run.Output);
        Assert.Contains("the secret is most likely not the one the sender signs with", run.Output);
        Assert.DoesNotContain(OtherSecret, run.AllText);
        Assert.DoesNotContain(Secret, run.AllText);
    }

    [Fact]
    public void A_body_re_serialised_with_default_escapes_and_crlf_gets_notes_that_say_so_and_quote_nothing()
    {
        using var files = new CapturedRequestFiles();
        string signed = System.Text.Encoding.UTF8.GetString(CanopyWebhookSigner.Sign(Sample(), Secret));
        int dataObject = signed.IndexOf('{', signed.IndexOf("\"data\"", StringComparison.Ordinal));
        string escapedBody = signed.Insert(dataObject + 1, "\"note\":\"a \\u0026 b\",\r\n");
        string body = files.Write("req.json", System.Text.Encoding.UTF8.GetBytes(escapedBody));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", Secret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("note: the body has \\uXXXX escapes", run.Output);
        Assert.Contains("note: the body has CRLF line endings", run.Output);
        Assert.DoesNotContain("a \\u0026 b", run.AllText);
        Assert.DoesNotContain(Secret, run.AllText);
    }

    [Fact]
    public void A_body_indented_after_it_was_signed_gets_the_indentation_note()
    {
        using var files = new CapturedRequestFiles();
        string signed = System.Text.Encoding.UTF8.GetString(CanopyWebhookSigner.Sign(Sample(), Secret));
        int dataObject = signed.IndexOf('{', signed.IndexOf("\"data\"", StringComparison.Ordinal));
        string body = files.Write("req.json", System.Text.Encoding.UTF8.GetBytes(signed.Insert(dataObject + 1, "\n    \"added\": 1,")));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", Secret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("note: the body is indented across lines", run.Output);
    }

    [Fact]
    public void A_body_verified_as_captured_gets_no_re_serialisation_note()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopyWebhookSigner.Sign(Sample(), Secret));

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", Secret);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("note:", run.Output);
    }

    [Fact]
    public void A_signature_over_the_minified_data_is_diagnosed_as_that_reading()
    {
        using var files = new CapturedRequestFiles();
        byte[] signed = CanopyWebhookSigner.Sign(Sample(), Secret, EmbeddedSignedContent.MinifiedMemberValue);
        string body = files.Write("req.json", signed);
        string expectedSummary = CanopySignatureDiagnostics.Diagnose(signed, Secret).Summary;

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", Secret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("diagnosis: " + expectedSummary, run.Output);
        Assert.Contains("MinifiedMemberValue", expectedSummary);
        Assert.DoesNotContain(Secret, run.AllText);
    }

    [Fact]
    public void The_secret_can_come_from_the_environment_instead_of_the_command_line()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", CanopyWebhookSigner.Sign(Sample(), Secret));
        System.Environment.SetEnvironmentVariable("LOANWEBHOOKS_SECRET", Secret);
        try
        {
            var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body);

            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("LOANWEBHOOKS_SECRET", null);
        }
    }

    private static byte[] Sample() => DocumentedSamples.Get(WebhookProvider.Canopy, "account_update").Body.ToArray();
}
