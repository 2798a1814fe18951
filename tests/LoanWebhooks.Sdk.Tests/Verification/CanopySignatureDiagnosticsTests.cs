using System;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>
/// One captured Canopy request and its secret tell which signed bytes and encoding Canopy uses, without the
/// diagnosis ever repeating the secret, the signature or the payload.
/// </summary>
public sealed class CanopySignatureDiagnosticsTests
{
    private const string Secret = "canopy-diagnosis-secret";
    private const string AccountId = "acc_7d41c2";

    // data is indented, so as-received and minified are different bytes and each reading can be told apart.
    private const string Body = """
        {
          "event": "account_update",
          "data": {
            "account_id": "acc_7d41c2",
            "amount_cents": 125000
          },
          "hmac_signature": "to be signed"
        }
        """;

    public static TheoryData<EmbeddedSignedContent, SignatureEncoding> EveryReading()
    {
        var readings = new TheoryData<EmbeddedSignedContent, SignatureEncoding>();
        foreach (var content in Enum.GetValues<EmbeddedSignedContent>())
        {
            readings.Add(content, SignatureEncoding.Base64);
            readings.Add(content, SignatureEncoding.Hex);
        }

        return readings;
    }

    [Theory]
    [MemberData(nameof(EveryReading))]
    public void Body_signed_one_way_is_diagnosed_as_exactly_that_way(EmbeddedSignedContent content, SignatureEncoding encoding)
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(Body), Secret, content, encoding);

        var diagnosis = CanopySignatureDiagnostics.Diagnose(signed, Secret);

        Assert.True(diagnosis.HasReadableSignature);
        Assert.Equal(new[] { new EmbeddedSignatureMatch(content, encoding) }, diagnosis.Matches);
    }

    [Theory]
    [MemberData(nameof(EveryReading))]
    public void The_settings_the_diagnosis_names_verify_the_request(EmbeddedSignedContent content, SignatureEncoding encoding)
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(Body), Secret, content, encoding);
        var match = Assert.Single(CanopySignatureDiagnostics.Diagnose(signed, Secret).Matches);
        var options = new CanopySignatureOptions { SignedContent = match.SignedContent, Encoding = match.Encoding };
        options.Secrets.Add(Secret);

        var result = new CanopySignatureVerifier(options).Verify(new WebhookRequest(signed, WebhookHeaders.Empty));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Body_signed_the_default_way_needs_nothing_configured()
    {
        string signed = CanopyWebhookSigner.Sign(Body, Secret);

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(signed), Secret);

        Assert.Equal(
            "The signature is the HMAC of \"data\" exactly as received, written as base64: the defaults verify it, so there is nothing to configure.",
            diagnosis.Summary);
    }

    [Fact]
    public void Body_signed_over_minified_data_names_the_setting_to_change()
    {
        string signed = CanopyWebhookSigner.Sign(Body, Secret, EmbeddedSignedContent.MinifiedMemberValue);

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(signed), Secret);

        Assert.Equal(
            "The signature is the HMAC of \"data\" minified, written as base64: set o.Signature.SignedContent = EmbeddedSignedContent.MinifiedMemberValue.",
            diagnosis.Summary);
    }

    [Fact]
    public void Body_signed_whole_in_hex_names_both_settings_to_change()
    {
        string signed = CanopyWebhookSigner.Sign(Body, Secret, EmbeddedSignedContent.BodyWithoutSignature, SignatureEncoding.Hex);

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(signed), Secret);

        Assert.EndsWith(
            ": set o.Signature.SignedContent = EmbeddedSignedContent.BodyWithoutSignature and o.Signature.Encoding = SignatureEncoding.Hex.",
            diagnosis.Summary,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Data_sent_minified_matches_both_readings_and_needs_nothing_configured()
    {
        string compact = "{\"event\":\"account_update\",\"data\":{\"account_id\":\"acc_7d41c2\"},\"hmac_signature\":\"x\"}";
        string signed = CanopyWebhookSigner.Sign(compact, Secret);

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(signed), Secret);

        Assert.Equal(
            new[]
            {
                new EmbeddedSignatureMatch(EmbeddedSignedContent.MemberValue, SignatureEncoding.Base64),
                new EmbeddedSignatureMatch(EmbeddedSignedContent.MinifiedMemberValue, SignatureEncoding.Base64),
            },
            diagnosis.Matches);
        Assert.EndsWith("the defaults verify it, so there is nothing to configure.", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_secret_matches_nothing_and_says_the_secret_is_the_likely_cause()
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(Body), Secret);

        var diagnosis = CanopySignatureDiagnostics.Diagnose(signed, "some-other-secret");

        Assert.True(diagnosis.HasReadableSignature);
        Assert.Empty(diagnosis.Matches);
        Assert.EndsWith("under this secret: the secret is most likely not the one the sender signs with.", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_without_hmac_signature_is_reported_as_having_no_signature()
    {
        const string unsigned = """{ "event": "account_update", "data": { "account_id": "acc_7d41c2" } }""";

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(unsigned), Secret);

        Assert.False(diagnosis.HasReadableSignature);
        Assert.Empty(diagnosis.Matches);
        Assert.StartsWith("The body has no \"hmac_signature\" member", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "event": "x", "data": {}, "hmac_signature": "not-a-signature" }""")]
    [InlineData("""{ "event": "x", "data": {}, "hmac_signature": 42 }""")]
    public void Signature_that_is_not_an_hmac_in_any_encoding_is_not_readable(string body)
    {
        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), Secret);

        Assert.False(diagnosis.HasReadableSignature);
        Assert.StartsWith("The \"hmac_signature\" member is not an HMAC-SHA256 signature", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{ not json")]
    public void Body_that_is_not_a_json_object_is_not_readable(string body)
    {
        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), Secret);

        Assert.False(diagnosis.HasReadableSignature);
        Assert.StartsWith("The body is not a JSON object", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryReading))]
    public void Diagnosis_never_repeats_the_secret_the_signature_or_a_payload_value(EmbeddedSignedContent content, SignatureEncoding encoding)
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(Body), Secret, content, encoding);
        string signature = JsonDocument.Parse(signed).RootElement.GetProperty("hmac_signature").GetString()!;

        string right = CanopySignatureDiagnostics.Diagnose(signed, Secret).ToString();
        string wrong = CanopySignatureDiagnostics.Diagnose(signed, "some-other-secret").ToString();

        foreach (string printed in new[] { right, wrong })
        {
            Assert.DoesNotContain(Secret, printed, StringComparison.Ordinal);
            Assert.DoesNotContain("some-other-secret", printed, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, printed, StringComparison.Ordinal);
            Assert.DoesNotContain(AccountId, printed, StringComparison.Ordinal);
            Assert.DoesNotContain("125000", printed, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded-secret ")]
    public void Unusable_secret_is_refused_without_being_quoted(string secret)
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(Body), Secret);

        var error = Assert.ThrowsAny<ArgumentException>(() => CanopySignatureDiagnostics.Diagnose(signed, secret));

        Assert.DoesNotContain("padded-secret", error.Message, StringComparison.Ordinal);
    }
}
