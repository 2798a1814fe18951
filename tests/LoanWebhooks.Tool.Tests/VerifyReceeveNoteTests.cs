using System.Text.Json;
using System.Text.Json.Nodes;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using Xunit;

namespace LoanWebhooks.Tool.Tests;

/// <summary>
/// The re-serialisation notes after a <c>SignedContentMismatch</c> (receeve), not only after a signature that does not
/// match: a captured body that was rewritten on its way says so, whichever check it failed.
/// </summary>
public sealed class VerifyReceeveNoteTests
{
    [Fact]
    public void A_signed_content_mismatch_in_a_body_indented_with_crlf_gets_notes_that_say_so_and_quote_nothing()
    {
        using var signer = new ReceeveWebhookSigner();
        using var files = new CapturedRequestFiles();
        JsonNode swapped = JsonNode.Parse(signer.Sign(DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").Body.ToArray()))!;
        swapped["payload"]!["messageId"] = "a-message-nobody-signed";
        string body = files.Write("req.json", swapped.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\r\n"));
        string key = files.Write("receeve.pem", signer.PublicKeyPem);

        var run = ToolRun.Of("verify", "--provider", "receeve", "--body", body, "--public-key", key);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reason: SignedContentMismatch", run.Output);
        Assert.Contains("note: the body is indented across lines", run.Output);
        Assert.Contains("note: the body has CRLF line endings", run.Output);
        Assert.DoesNotContain("a-message-nobody-signed", run.AllText);
    }
}
