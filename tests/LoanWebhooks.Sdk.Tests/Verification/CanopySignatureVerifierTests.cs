using System;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class CanopySignatureVerifierTests
{
    [Fact]
    public void Accepts_the_documented_sample_signed_with_the_configured_secret()
    {
        string body = CanopyWebhookSigner.Sign(CanopySample, Secret);

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Accepts_a_signature_computed_independently_over_the_bytes_of_data()
    {
        Assert.Contains("\"data\": " + CanopySampleData + ",\n\"event\"", CanopySample, StringComparison.Ordinal);
        string body = CanopySampleWithSignature(HmacBase64(Secret, CanopySampleData));

        var result = CanopyVerifier().Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Accepts_a_hand_built_envelope_whatever_the_member_order()
    {
        string signature = HmacBase64(Secret, "{\"a\":1}");
        string body = "{\"hmac_signature\":\"" + signature + "\",\"data\":{\"a\":1},\"event\":\"account_update\"}";

        var result = CanopyVerifier().Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void The_documented_signature_is_a_well_formed_signature_under_another_secret()
    {
        var result = CanopyVerifier().Verify(Request(CanopySample));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_changed_byte_inside_data()
    {
        string body = Replace(CanopyWebhookSigner.Sign(CanopySample, Secret), "\"cure_amount\": \"3147\"", "\"cure_amount\": \"3148\"");

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_changed_whitespace_inside_data()
    {
        string body = Replace(CanopyWebhookSigner.Sign(CanopySample, Secret), "\"customer_id\": \"848\"", "\"customer_id\":  \"848\"");

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Does_not_cover_the_event_member_by_default_because_Canopy_signs_data_only()
    {
        string body = Replace(CanopyWebhookSigner.Sign(CanopySample, Secret), "\"account_delinquency\"", "\"account_update\"");

        var result = CanopyVerifier().Verify(Request(body));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_a_signature_made_with_another_secret()
    {
        string body = CanopyWebhookSigner.Sign(CanopySample, "some-Other-secret");

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData(OldSecret)]
    [InlineData(NewSecret)]
    public void Accepts_old_and_new_secret_while_both_are_configured(string signingSecret)
    {
        string body = CanopyWebhookSigner.Sign(CanopySample, signingSecret);

        var result = CanopyVerifier(secrets: new[] { OldSecret, NewSecret }).Verify(Request(body));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_a_secret_once_it_is_removed_from_the_configuration()
    {
        string body = CanopyWebhookSigner.Sign(CanopySample, OldSecret);

        var result = CanopyVerifier(secrets: new[] { NewSecret }).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Keeps_the_secrets_it_was_constructed_with_when_the_options_change_later()
    {
        var options = new CanopySignatureOptions { Secrets = { OldSecret } };
        var verifier = new CanopySignatureVerifier(options);
        options.Secrets[0] = NewSecret;
        options.Encoding = SignatureEncoding.Hex;

        var result = verifier.Verify(Request(CanopyWebhookSigner.Sign(CanopySample, OldSecret)));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Reports_a_missing_signature_member_as_missing_credential()
    {
        var result = CanopyVerifier().Verify(Request("{\"event\":\"account_update\",\"data\":{}}"));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Reports_an_empty_signature_as_missing_credential()
    {
        var result = CanopyVerifier().Verify(Request(CanopySampleWithSignature(string.Empty)));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Ignores_a_signature_member_nested_inside_data()
    {
        string signature = HmacBase64(Secret, "{\"a\":1}");
        string body = "{\"event\":\"x\",\"data\":{\"hmac_signature\":\"" + signature + "\"}}";

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{\"value\":\"x\"}")]
    [InlineData("[\"x\"]")]
    public void Reports_a_signature_that_is_not_a_string_as_malformed_credential(string value)
    {
        string body = Replace(CanopySample, "\"" + CanopyDocumentedSignature + "\"", value);

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw")]
    [InlineData("dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw==")]
    [InlineData("dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQwAAAAA")]
    [InlineData("dGIr5vD0KVYPLYcGsmld_wtfKym1-teUVZfVMmS-RQw=")]
    [InlineData(" dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw= ")]
    [InlineData("7462 2bf9 e0f4 2956 0ab2 c9a5 dfeb 0b5f 2b29 b5fa d794 5597 d533 2994 be45 0c")]
    public void Reports_a_signature_that_is_not_32_base64_bytes_as_malformed_credential(string signature)
    {
        var result = CanopyVerifier().Verify(Request(CanopySampleWithSignature(signature)));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void Reports_a_hex_signature_as_malformed_when_base64_is_configured()
    {
        var result = CanopyVerifier().Verify(Request(CanopySampleWithSignature(HmacHex(Secret, CanopySampleData))));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accepts_a_hex_signature_in_either_case_when_hex_is_configured(bool upperCase)
    {
        string hex = HmacHex(Secret, CanopySampleData);
        string body = CanopySampleWithSignature(upperCase ? hex.ToUpperInvariant() : hex);

        var result = CanopyVerifier(encoding: SignatureEncoding.Hex).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Accepts_a_hex_signature_with_every_character_unicode_escaped_the_longest_spelling_json_allows()
    {
        string hex = HmacHex(Secret, CanopySampleData);
        string escaped = string.Concat(hex.Select(c => $"\\u{(int)c:X4}"));
        Assert.Equal(6 * 64, escaped.Length);

        var result = CanopyVerifier(encoding: SignatureEncoding.Hex).Verify(Request(CanopySampleWithSignature(escaped)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Unescapes_the_signature_string_before_decoding_it()
    {
        string signature = HmacBase64(Secret, CanopySampleData);
        string escaped = signature.Replace("/", "\\/", StringComparison.Ordinal).Replace("+", "\\u002B", StringComparison.Ordinal);
        Assert.NotEqual(signature, escaped);

        var result = CanopyVerifier().Verify(Request(CanopySampleWithSignature(escaped)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Accepts_a_body_that_starts_with_a_byte_order_mark()
    {
        byte[] signed = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(CanopySample), Secret);
        byte[] body = [0xEF, 0xBB, 0xBF, .. signed];

        var result = CanopyVerifier().Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"data\":{},\"hmac_signature\":\"x\"")]
    [InlineData("{\"data\":{},\"hmac_signature\":\"x\"} trailing")]
    [InlineData("not json")]
    public void Reports_a_body_that_is_not_well_formed_json_as_malformed_body(string body)
    {
        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Reports_a_body_that_is_not_an_object_as_malformed_body(string body)
    {
        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_a_body_nested_deeper_than_the_parser_allows_as_malformed_body()
    {
        string data = new string('[', 100) + new string(']', 100);
        string body = "{\"data\":" + data + ",\"hmac_signature\":\"" + HmacBase64(Secret, data) + "\"}";

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_invalid_utf8_in_an_escaped_signature_as_malformed_credential()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"data\":{},\"hmac_signature\":\"\\u0041##\"}");
        int index = Array.IndexOf(body, (byte)'#');
        body[index] = 0xC3;
        body[index + 1] = 0x28;

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void Answers_invalid_utf8_in_an_escaped_member_name_with_a_result()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"\\u0064at##\":{},\"data\":{},\"hmac_signature\":\"x\"}");
        int index = Array.IndexOf(body, (byte)'#');
        body[index] = 0xC3;
        body[index + 1] = 0x28;

        var result = CanopyVerifier().Verify(Request(body));

        Assert.False(result.IsVerified);
    }

    [Fact]
    public void Reports_repeated_signature_members_as_ambiguous_even_when_identical()
    {
        string signature = HmacBase64(Secret, "{}");
        string body = "{\"data\":{},\"hmac_signature\":\"" + signature + "\",\"hmac_signature\":\"" + signature + "\"}";

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.AmbiguousCredential, result.Reason);
    }

    [Fact]
    public void Reports_a_repeated_data_member_as_malformed_body_so_no_unsigned_copy_can_hide_behind_the_signed_one()
    {
        string signature = HmacBase64(Secret, "{\"a\":1}");
        string body = "{\"data\":{\"a\":1},\"data\":{\"a\":2},\"hmac_signature\":\"" + signature + "\"}";

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_a_missing_data_member_as_malformed_body()
    {
        string body = "{\"event\":\"x\",\"hmac_signature\":\"" + HmacBase64(Secret, "{}") + "\"}";

        var result = CanopyVerifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Never_puts_a_secret_or_the_presented_signature_in_the_detail()
    {
        string presented = HmacBase64(OldSecret, CanopySampleData);
        var verifier = CanopyVerifier(secrets: new[] { Secret, NewSecret });

        var result = verifier.Verify(Request(CanopySampleWithSignature(presented)));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
        foreach (string text in new[] { result.Detail!, result.ToString() })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(NewSecret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(presented, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rejects_options_without_any_secret()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CanopySignatureVerifier(new CanopySignatureOptions()));

        Assert.Contains("CanopySignatureOptions.Secrets must contain at least one secret", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    [InlineData(" leading-space-secret")]
    [InlineData("trailing-newline-secret\n")]
    public void Rejects_an_unusable_secret_at_construction_without_echoing_it(string secret)
    {
        var options = new CanopySignatureOptions { Secrets = { Secret, secret } };

        var exception = Assert.Throws<ArgumentException>(() => new CanopySignatureVerifier(options));

        Assert.Contains("CanopySignatureOptions.Secrets[1]", exception.Message, StringComparison.Ordinal);
        if (secret.Trim().Length > 0)
        {
            Assert.DoesNotContain(secret.Trim(), exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Rejects_a_secret_that_is_not_valid_unicode()
    {
        var options = new CanopySignatureOptions { Secrets = { "lone-surrogate-\uD800-secret" } };

        var exception = Assert.Throws<ArgumentException>(() => new CanopySignatureVerifier(options));

        Assert.Contains("not valid Unicode", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_null_secret_at_construction()
    {
        var options = new CanopySignatureOptions { Secrets = { null! } };

        Assert.Throws<ArgumentException>(() => new CanopySignatureVerifier(options));
    }

    [Fact]
    public void Rejects_undefined_choices_at_construction()
    {
        var content = new CanopySignatureOptions { Secrets = { Secret }, SignedContent = (EmbeddedSignedContent)7 };
        var encoding = new CanopySignatureOptions { Secrets = { Secret }, Encoding = (SignatureEncoding)7 };

        Assert.Contains("SignedContent", Assert.Throws<ArgumentException>(() => new CanopySignatureVerifier(content)).Message, StringComparison.Ordinal);
        Assert.Contains("Encoding", Assert.Throws<ArgumentException>(() => new CanopySignatureVerifier(encoding)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_for_null_options_or_request()
    {
        Assert.Throws<ArgumentNullException>(() => new CanopySignatureVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => CanopyVerifier().Verify(null!));
    }
}
