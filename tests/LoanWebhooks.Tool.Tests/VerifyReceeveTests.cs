using System.Text.Json.Nodes;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

public sealed class VerifyReceeveTests
{
    [Fact]
    public void A_body_signed_with_the_signers_key_is_verified_with_its_public_key_file()
    {
        using var signer = new ReceeveWebhookSigner();
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", signer.Sign(Sample()));
        string key = files.Write("receeve.pem", signer.PublicKeyPem);

        var run = ToolRun.Of("verify", "--provider", "receeve", "--body", body, "--public-key", key);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("receeve: verified", run.Output.Trim());
    }

    [Fact]
    public void A_payload_swapped_after_signing_is_a_signed_content_mismatch()
    {
        using var signer = new ReceeveWebhookSigner();
        using var files = new CapturedRequestFiles();
        byte[] signed = signer.Sign(Sample());
        JsonNode swapped = JsonNode.Parse(signed)!;
        swapped["payload"]!["messageId"] = "a-message-nobody-signed";
        string body = files.Write("req.json", swapped.ToJsonString());
        string key = files.Write("receeve.pem", signer.PublicKeyPem);

        var run = ToolRun.Of("verify", "--provider", "receeve", "--body", body, "--public-key", key);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reason: SignedContentMismatch", run.Output);
        Assert.DoesNotContain("a-message-nobody-signed", run.AllText);
    }

    [Fact]
    public void A_body_signed_with_another_key_is_an_invalid_credential()
    {
        using var signer = new ReceeveWebhookSigner();
        using var otherSigner = new ReceeveWebhookSigner();
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", otherSigner.Sign(Sample()));
        string key = files.Write("receeve.pem", signer.PublicKeyPem);

        var run = ToolRun.Of("verify", "--provider", "receeve", "--body", body, "--public-key", key);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reason: InvalidCredential", run.Output);
    }

    private static byte[] Sample() => DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").Body.ToArray();
}
