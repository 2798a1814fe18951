using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

// Sends may read the LOANWEBHOOKS_SECRET environment variable, which another test sets: never in parallel with it.
[Collection("LOANWEBHOOKS_SECRET")]
public sealed class SendTests
{
    private const string CanopySecret = "canopy-send-secret-0001";

    [Fact]
    public void A_canopy_sample_arrives_signed_so_that_the_sdk_verifier_accepts_it()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "canopy", "--event", "account_update", "--to", endpoint.BaseUrl + "/webhooks/canopy", "--secret", CanopySecret);

        Assert.Equal(0, run.ExitCode);
        ReceivedRequest received = endpoint.Received;
        Assert.Equal("POST", received.Method);
        Assert.Equal("/webhooks/canopy", received.Path);
        Assert.True(VerifyCanopy(received.Body, CanopySecret).IsVerified);
        Assert.Contains("canopy: accepted", run.Output);
        Assert.Contains("status: 200", run.Output);
        Assert.DoesNotContain(CanopySecret, run.AllText);
    }

    [Fact]
    public void A_canopy_sample_signed_with_another_secret_does_not_verify()
    {
        using var endpoint = new LocalWebhookEndpoint();

        ToolRun.Of("send", "--provider", "canopy", "--event", "account_update", "--to", endpoint.BaseUrl + "/webhooks/canopy", "--secret", "another-secret-0001");

        Assert.False(VerifyCanopy(endpoint.Received.Body, CanopySecret).IsVerified);
    }

    [Fact]
    public void A_receeve_sample_without_a_key_is_signed_with_a_new_key_whose_printed_public_key_verifies_it()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "receeve", "--event", "event.claim.created.v1", "--to", endpoint.BaseUrl + "/webhooks/receeve");

        Assert.Equal(0, run.ExitCode);
        var options = new ReceeveSignatureOptions();
        options.PublicKeys.Add(PrintedPublicKey(run.Output));
        var result = new ReceeveSignatureVerifier(options).Verify(new WebhookRequest(endpoint.Received.Body, WebhookHeaders.Empty, null));
        Assert.True(result.IsVerified, result.Detail);
        Assert.DoesNotContain("PRIVATE KEY", run.AllText);
    }

    [Fact]
    public void A_receeve_sample_is_signed_with_the_private_key_given_and_no_public_key_is_printed()
    {
        using var files = new CapturedRequestFiles();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string keyFile = files.Write("receeve.pem", key.ExportPkcs8PrivateKeyPem());
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "receeve", "--event", "event.claim.created.v1", "--to", endpoint.BaseUrl + "/webhooks/receeve", "--receeve-private-key", keyFile);

        Assert.Equal(0, run.ExitCode);
        var options = new ReceeveSignatureOptions();
        options.PublicKeys.Add(key.ExportSubjectPublicKeyInfoPem());
        Assert.True(new ReceeveSignatureVerifier(options).Verify(new WebhookRequest(endpoint.Received.Body, WebhookHeaders.Empty, null)).IsVerified);
        Assert.DoesNotContain("PUBLIC KEY", run.Output);
    }

    [Fact]
    public void A_documented_receeve_sample_is_re_dated_so_an_app_with_a_timestamp_window_accepts_it()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "receeve", "--event", "event.claim.created.v1", "--to", endpoint.BaseUrl + "/webhooks/receeve");

        var options = new ReceeveSignatureOptions { MaximumAge = TimeSpan.FromMinutes(5) };
        options.PublicKeys.Add(PrintedPublicKey(run.Output));
        Assert.True(new ReceeveSignatureVerifier(options).Verify(new WebhookRequest(endpoint.Received.Body, WebhookHeaders.Empty, null)).IsVerified);
    }

    [Fact]
    public void A_payitoff_sample_carries_basic_credentials_that_are_not_printed()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "payitoff", "--event", "loan.paid_off", "--to", endpoint.BaseUrl + "/webhooks/payitoff", "--basic", "payitoff:basic-password-0001");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("payitoff:basic-password-0001")), endpoint.Received.Headers["Authorization"]);
        Assert.Equal(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off").Body.ToArray(), endpoint.Received.Body);
        Assert.DoesNotContain("basic-password-0001", run.AllText);
    }

    [Fact]
    public void Credentials_in_the_url_are_sent_as_basic_credentials_and_are_not_printed()
    {
        using var endpoint = new LocalWebhookEndpoint();
        string url = endpoint.BaseUrl.Replace("http://", "http://payitoff:url-password-0001@", StringComparison.Ordinal) + "/webhooks/payitoff?token=query-token-0001";

        var run = ToolRun.Of("send", "--provider", "payitoff", "--event", "loan.paid_off", "--to", url);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("payitoff:url-password-0001")), endpoint.Received.Headers["Authorization"]);
        Assert.DoesNotContain("url-password-0001", run.AllText);
        Assert.DoesNotContain("query-token-0001", run.AllText);
    }

    [Fact]
    public void A_spinwheel_sample_goes_to_the_event_url_with_the_secret_header()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "spinwheel", "--event", "USER_PAYMENT_STATUS", "--to", endpoint.BaseUrl + "/webhooks/spinwheel", "--secret-header", "X-Spinwheel-Secret", "--secret", "spinwheel-secret-0001");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("/webhooks/spinwheel/USER_PAYMENT_STATUS", endpoint.Received.Path);
        Assert.Equal("spinwheel-secret-0001", endpoint.Received.Headers["X-Spinwheel-Secret"]);
        Assert.DoesNotContain("spinwheel-secret-0001", run.AllText);
    }

    [Fact]
    public void Forwarded_for_sends_the_address_in_x_forwarded_for_and_prints_it()
    {
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "spinwheel", "--event", "USER_PAYMENT_STATUS", "--to", endpoint.BaseUrl + "/webhooks/spinwheel", "--secret-header", "X-Spinwheel-Secret", "--secret", "spinwheel-secret-0001", "--forwarded-for", "44.232.30.137");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("44.232.30.137", endpoint.Received.Headers["X-Forwarded-For"]);
        Assert.Contains("forwarded for: 44.232.30.137", run.Output);
    }

    [Fact]
    public void A_body_file_is_sent_instead_of_the_sample_without_being_printed()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", """{ "event_type": "loan.paid_off", "data": { "note": "private-value-0001" } }""");
        using var endpoint = new LocalWebhookEndpoint();

        var run = ToolRun.Of("send", "--provider", "payitoff", "--event", "loan.paid_off", "--to", endpoint.BaseUrl + "/webhooks/payitoff", "--basic", "u:p", "--body", body);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(body), endpoint.Received.Body);
        Assert.DoesNotContain("private-value-0001", run.AllText);
    }

    [Fact]
    public void A_status_that_is_not_2xx_exits_with_1_and_prints_the_status()
    {
        using var endpoint = new LocalWebhookEndpoint(HttpStatusCode.ServiceUnavailable);

        var run = ToolRun.Of("send", "--provider", "canopy", "--event", "account_update", "--to", endpoint.BaseUrl + "/webhooks/canopy", "--secret", CanopySecret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("canopy: not accepted", run.Output);
        Assert.Contains("status: 503", run.Output);
    }

    [Fact]
    public void An_endpoint_that_is_not_listening_exits_with_1_and_says_the_request_failed()
    {
        string url;
        using (var endpoint = new LocalWebhookEndpoint())
        {
            url = endpoint.BaseUrl + "/webhooks/canopy";
        }

        var run = ToolRun.Of("send", "--provider", "canopy", "--event", "account_update", "--to", url, "--secret", CanopySecret);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("canopy: not delivered", run.Output);
        Assert.Contains("the request failed", run.Output);
    }

    [Fact]
    public void The_status_is_a_json_number_with_json()
    {
        using var endpoint = new LocalWebhookEndpoint(HttpStatusCode.Accepted);

        var run = ToolRun.Of("send", "--provider", "canopy", "--event", "account_update", "--to", endpoint.BaseUrl + "/webhooks/canopy", "--secret", CanopySecret, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("accepted").GetBoolean());
        Assert.Equal(202, json.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("send", "--provider", "canopy", "--event", "no_such_event", "--to", "http://127.0.0.1:9/webhooks/canopy", "--secret", "s")]
    [InlineData("send", "--provider", "canopy", "--event", "account_update", "--to", "http://127.0.0.1:9/webhooks/canopy")]
    [InlineData("send", "--provider", "canopy", "--event", "account_update", "--to", "not a url", "--secret", "s")]
    [InlineData("send", "--provider", "canopy", "--event", "account_update", "--to", "ftp://127.0.0.1/webhooks", "--secret", "s")]
    [InlineData("send", "--provider", "canopy", "--event", "account_update", "--to", "http://127.0.0.1:9/", "--secret", "s", "--receeve-private-key", "k.pem")]
    [InlineData("send", "--provider", "receeve", "--event", "event.claim.created.v1", "--to", "http://127.0.0.1:9/", "--secret", "s")]
    [InlineData("send", "--provider", "payitoff", "--event", "loan.paid_off", "--to", "http://127.0.0.1:9/")]
    [InlineData("send", "--provider", "payitoff", "--event", "loan.paid_off", "--to", "http://127.0.0.1:9/", "--basic", "no-colon")]
    [InlineData("send", "--provider", "spinwheel", "--event", "USER_PAYMENT_STATUS", "--to", "http://127.0.0.1:9/", "--secret", "s")]
    [InlineData("send", "--provider", "canopy", "--to", "http://127.0.0.1:9/", "--secret", "s")]
    [InlineData("send", "--provider", "canopy", "--event", "account_update", "--to", "http://127.0.0.1:9/", "--secret", "s", "--forwarded-for", "not-an-address")]
    public void A_send_the_tool_cannot_make_is_a_usage_error_sent_nowhere(params string[] args)
    {
        var run = ToolRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    private static WebhookVerificationResult VerifyCanopy(byte[] body, string secret) =>
        new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { secret } }).Verify(new WebhookRequest(body, WebhookHeaders.Empty, null));

    /// <summary>The PEM block the tool printed after its label.</summary>
    internal static string PrintedPublicKey(string output)
    {
        int start = output.IndexOf("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal);
        int end = output.IndexOf("-----END PUBLIC KEY-----", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "the output has no public key");
        return output[start..(end + "-----END PUBLIC KEY-----".Length)];
    }
}
