using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>Each <see cref="EmbeddedSignedContent"/> mode signs exactly the bytes its documentation names; expected signatures are computed by hand.</summary>
public sealed class EmbeddedSignedContentTests
{
    [Fact]
    public void MemberValue_signs_the_raw_bytes_of_data()
    {
        string body = CanopySampleWithSignature(HmacBase64(Secret, CanopySampleData));

        var result = CanopyVerifier(EmbeddedSignedContent.MemberValue).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void MinifiedMemberValue_signs_data_without_whitespace()
    {
        string body = CanopySampleWithSignature(HmacBase64(Secret, CanopySampleDataMinified));

        var result = CanopyVerifier(EmbeddedSignedContent.MinifiedMemberValue).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void MinifiedMemberValue_keeps_escapes_and_number_spellings_and_drops_comments_and_trailing_commas()
    {
        const string Data = "{ \"a\" : [ 1.50 , 2e3 , ] , /* note */ \"b\\u0041\" : \"x \\/ y\" , \"c\" : { } , \"d\" : [ ] }";
        const string Minified = "{\"a\":[1.50,2e3],\"b\\u0041\":\"x \\/ y\",\"c\":{},\"d\":[]}";
        string body = "{\"data\":" + Data + ",\"hmac_signature\":\"" + HmacBase64(Secret, Minified) + "\"}";

        var result = CanopyVerifier(EmbeddedSignedContent.MinifiedMemberValue).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void MinifiedMemberValue_tolerates_whitespace_changes_between_tokens()
    {
        string body = Replace(
            CanopyWebhookSigner.Sign(CanopySample, Secret, EmbeddedSignedContent.MinifiedMemberValue),
            "\"customer_id\": \"848\"",
            "\"customer_id\" :\r\n\t\"848\"");

        var result = CanopyVerifier(EmbeddedSignedContent.MinifiedMemberValue).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void MinifiedMemberValue_still_covers_whitespace_inside_strings()
    {
        string body = Replace(
            CanopyWebhookSigner.Sign(CanopySample, Secret, EmbeddedSignedContent.MinifiedMemberValue),
            "\"can_100030\"",
            "\"can_100030 \"");

        var result = CanopyVerifier(EmbeddedSignedContent.MinifiedMemberValue).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void BodyWithoutSignature_signs_the_body_minus_the_signature_member_and_the_comma_before_it()
    {
        const string Unsigned = "{\"event\":\"account_update\",\n\"data\":{\"a\":1}\n}";
        string body = "{\"event\":\"account_update\",\n\"data\":{\"a\":1} , \"hmac_signature\":\""
            + HmacBase64(Secret, Unsigned) + "\"\n}";

        var result = CanopyVerifier(EmbeddedSignedContent.BodyWithoutSignature).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void BodyWithoutSignature_removes_the_comma_after_a_leading_signature_member()
    {
        const string Unsigned = "{ \"event\":\"x\",\"data\":{}}";
        string body = "{ \"hmac_signature\":\"" + HmacBase64(Secret, Unsigned) + "\",\n  \"event\":\"x\",\"data\":{}}";

        var result = CanopyVerifier(EmbeddedSignedContent.BodyWithoutSignature).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void BodyWithoutSignature_covers_members_outside_data()
    {
        string body = Replace(
            CanopyWebhookSigner.Sign(CanopySample, Secret, EmbeddedSignedContent.BodyWithoutSignature),
            "\"account_delinquency\"",
            "\"account_update\"");

        var result = CanopyVerifier(EmbeddedSignedContent.BodyWithoutSignature).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void BodyWithoutSignature_does_not_require_a_data_member()
    {
        const string Unsigned = "{\"event\":\"x\"}";
        string body = "{\"event\":\"x\",\"hmac_signature\":\"" + HmacBase64(Secret, Unsigned) + "\"}";

        var result = CanopyVerifier(EmbeddedSignedContent.BodyWithoutSignature).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(EmbeddedSignedContent.MemberValue, EmbeddedSignedContent.MinifiedMemberValue)]
    [InlineData(EmbeddedSignedContent.MemberValue, EmbeddedSignedContent.BodyWithoutSignature)]
    [InlineData(EmbeddedSignedContent.BodyWithoutSignature, EmbeddedSignedContent.MemberValue)]
    [InlineData(EmbeddedSignedContent.MinifiedMemberValue, EmbeddedSignedContent.MemberValue)]
    public void A_signature_over_other_content_than_configured_is_invalid(EmbeddedSignedContent signed, EmbeddedSignedContent configured)
    {
        string body = CanopyWebhookSigner.Sign(CanopySample, Secret, signed);

        var result = CanopyVerifier(configured).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }
}
