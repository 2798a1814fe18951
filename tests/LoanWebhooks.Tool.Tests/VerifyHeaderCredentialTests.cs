using System;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

public sealed class VerifyHeaderCredentialTests
{
    private const string Password = "payitoff-password-0001";
    private const string SpinwheelSecret = "spinwheel-secret-0001";

    [Fact]
    public void A_payitoff_request_with_the_basic_credential_in_a_captured_request_is_verified()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", PayitoffSample());
        string headers = files.Write("h.txt", $"POST /webhooks/payitoff HTTP/1.1\r\nHost: example.test\r\nAuthorization: Basic {Basic("payitoff", Password)}\r\n\r\n{{\"ignored\": true}}");

        var run = ToolRun.Of("verify", "--provider", "payitoff", "--body", body, "--headers", headers, "--secret", "payitoff:" + Password);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("payitoff: verified", run.Output.Trim());
    }

    [Fact]
    public void A_payitoff_request_with_another_password_fails_without_printing_either_password()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", PayitoffSample());
        string headers = files.Write("h.txt", $"Authorization: Basic {Basic("payitoff", "the-password-sent")}\n");

        var run = ToolRun.Of("verify", "--provider", "payitoff", "--body", body, "--headers", headers, "--secret", "payitoff:" + Password);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reason: InvalidCredential", run.Output);
        Assert.DoesNotContain(Password, run.AllText);
        Assert.DoesNotContain("the-password-sent", run.AllText);
    }

    [Fact]
    public void A_payitoff_request_without_credentials_is_a_missing_credential()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", PayitoffSample());

        var run = ToolRun.Of("verify", "--provider", "payitoff", "--body", body, "--secret", "payitoff:" + Password);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reason: MissingCredential", run.Output);
    }

    [Fact]
    public void A_spinwheel_secret_header_is_verified_and_the_unchecked_source_address_is_said()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", SpinwheelSample());
        string headers = files.Write("h.txt", $"X-Spinwheel-Secret: {SpinwheelSecret}\n");

        var run = ToolRun.Of("verify", "--provider", "spinwheel", "--body", body, "--headers", headers, "--secret-header", "X-Spinwheel-Secret", "--secret", SpinwheelSecret);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("spinwheel: verified", run.Output);
        Assert.Contains("the source address was not checked", run.Output);
    }

    [Fact]
    public void A_spinwheel_request_from_an_address_spinwheel_does_not_publish_is_refused()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", SpinwheelSample());
        string headers = files.Write("h.txt", $"X-Spinwheel-Secret: {SpinwheelSecret}\n");

        var run = ToolRun.Of("verify", "--provider", "spinwheel", "--body", body, "--headers", headers, "--secret-header", "X-Spinwheel-Secret", "--secret", SpinwheelSecret, "--remote-ip", "127.0.0.1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reason: SourceAddressNotAllowed", run.Output);
        Assert.DoesNotContain(SpinwheelSecret, run.AllText);
    }

    private static string Basic(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    private static byte[] PayitoffSample() => DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off").Body.ToArray();

    private static byte[] SpinwheelSample() => DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_PAYMENT_STATUS").Body.ToArray();
}
