using System;
using System.Text;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class WebhookSignerTests
{
    [Fact]
    public void Canopy_signer_writes_the_independently_computed_signature()
    {
        string signed = CanopyWebhookSigner.Sign(CanopySample, Secret);

        Assert.Equal(CanopySampleWithSignature(HmacBase64(Secret, CanopySampleData)), signed);
    }

    [Fact]
    public void Replaces_an_existing_signature_in_place_keeping_every_other_byte()
    {
        string signed = CanopyWebhookSigner.Sign(CanopySample, Secret);

        int start = CanopySample.IndexOf(CanopyDocumentedSignature, StringComparison.Ordinal);
        Assert.Equal(CanopySample[..start], signed[..start]);
        Assert.Equal(CanopySample[(start + CanopyDocumentedSignature.Length)..], signed[^(CanopySample.Length - start - CanopyDocumentedSignature.Length)..]);
    }

    [Fact]
    public void Appends_a_missing_signature_member_after_the_last_member()
    {
        const string Body = "{\n\"event\": \"x\",\n\"data\": {\"a\": 1}\n}";

        string signed = CanopyWebhookSigner.Sign(Body, Secret);

        Assert.Equal("{\n\"event\": \"x\",\n\"data\": {\"a\": 1},\"hmac_signature\":\"" + HmacBase64(Secret, "{\"a\": 1}") + "\"\n}", signed);
    }

    [Theory]
    [InlineData("{\"event\":\"x\",\"data\":{}}")]
    [InlineData("{ }")]
    [InlineData("{\"hmac_signature\":\"old\",\"data\":{}}")]
    [InlineData("{\"data\":{},\"hmac_signature\":\"old\"}")]
    [InlineData("{\"data\":{}, /* comment */ \"hmac_signature\":\"old\",}")]
    public void A_body_signed_without_signature_verifies_wherever_the_member_lands(string body)
    {
        string signed = CanopyWebhookSigner.Sign(body, Secret, EmbeddedSignedContent.BodyWithoutSignature);

        var result = CanopyVerifier(EmbeddedSignedContent.BodyWithoutSignature).Verify(Request(signed));

        Assert.True(result.IsVerified, result + " for " + signed);
    }

    [Theory]
    [InlineData(EmbeddedSignedContent.MemberValue, SignatureEncoding.Base64)]
    [InlineData(EmbeddedSignedContent.MemberValue, SignatureEncoding.Hex)]
    [InlineData(EmbeddedSignedContent.BodyWithoutSignature, SignatureEncoding.Base64)]
    [InlineData(EmbeddedSignedContent.BodyWithoutSignature, SignatureEncoding.Hex)]
    [InlineData(EmbeddedSignedContent.MinifiedMemberValue, SignatureEncoding.Base64)]
    [InlineData(EmbeddedSignedContent.MinifiedMemberValue, SignatureEncoding.Hex)]
    public void Canopy_bodies_signed_in_every_mode_and_encoding_verify(EmbeddedSignedContent content, SignatureEncoding encoding)
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(CanopySample), Secret, content, encoding);

        var result = CanopyVerifier(content, encoding).Verify(Request(signed));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Writes_hex_in_lower_case()
    {
        string signed = CanopyWebhookSigner.Sign(CanopySample, Secret, encoding: SignatureEncoding.Hex);

        Assert.Contains("\"hmac_signature\": \"" + HmacHex(Secret, CanopySampleData) + "\"", signed, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_to_sign_in_both_encodings_at_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CanopyWebhookSigner.Sign(CanopySample, Secret, encoding: SignatureEncoding.Base64OrHex));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_an_empty_secret(string? secret)
    {
        Assert.ThrowsAny<ArgumentException>(() => CanopyWebhookSigner.Sign(CanopySample, secret!));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"data\":{}")]
    [InlineData("{\"event\":\"x\"}")]
    [InlineData("{\"data\":{},\"data\":{}}")]
    [InlineData("{\"data\":{},\"hmac_signature\":\"a\",\"hmac_signature\":\"b\"}")]
    public void Refuses_a_body_it_cannot_sign(string body)
    {
        Assert.Throws<ArgumentException>(() => CanopyWebhookSigner.Sign(body, Secret));
    }

}
