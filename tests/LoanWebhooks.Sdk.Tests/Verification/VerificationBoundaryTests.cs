using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>Boundaries of the verifiers that the mutation run (issue 20) found no test pinning.</summary>
public sealed class VerificationBoundaryTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReceeveWebhookSigner Signer = ReceeveWebhookSigner.CreateEcdsa();

    [Fact]
    public void A_basic_credential_with_an_empty_user_name_is_well_formed_and_matches_nothing()
    {
        var options = new BasicAuthenticationOptions { Credentials = { new BasicAuthenticationCredential("payitoff", "pa55-Word-7c6b5a") } };

        var result = new BasicAuthenticationVerifier(options).Verify(TestRequests.WithAuthorization("Basic " + TestRequests.Base64(":pa55-Word-7c6b5a")));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void A_credential_configured_twice_still_verifies()
    {
        var credential = new BasicAuthenticationCredential("payitoff", "pa55-Word-7c6b5a");
        var basic = new BasicAuthenticationVerifier(new BasicAuthenticationOptions { Credentials = { credential, credential } });
        var header = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = "X-Webhook-Secret", Secrets = { "s3cret-Value-1", "s3cret-Value-1" } });

        var basicResult = basic.Verify(TestRequests.WithBasicCredentials("payitoff", "pa55-Word-7c6b5a"));
        var headerResult = header.Verify(TestRequests.WithHeaders(("X-Webhook-Secret", "s3cret-Value-1")));

        Assert.Equal(WebhookVerificationResult.Verified, basicResult);
        Assert.Equal(WebhookVerificationResult.Verified, headerResult);
    }

    [Fact]
    public void A_secret_may_contain_a_space_and_a_tilde_the_ends_of_printable_ascii()
    {
        const string Secret = "s3cret value~1";
        var verifier = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = "X-Webhook-Secret", Secrets = { Secret } });

        var result = verifier.Verify(TestRequests.WithHeaders(("X-Webhook-Secret", Secret)));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void An_allowed_single_ipv6_address_allows_that_address_only()
    {
        var verifier = new SourceAddressVerifier(new SourceAddressOptions { AllowedAddresses = { "2001:db8::1" } });

        Assert.True(verifier.Verify(SourceAddressVerifierTests.From("2001:db8::1")).IsVerified);
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, verifier.Verify(SourceAddressVerifierTests.From("2001:db8::2")).Reason);
    }

    [Fact]
    public void An_allowed_address_may_have_an_octet_of_255()
    {
        var verifier = new SourceAddressVerifier(new SourceAddressOptions { AllowedAddresses = { "203.0.113.255" } });

        var result = verifier.Verify(SourceAddressVerifierTests.From("203.0.113.255"));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Without_trusted_proxies_the_forwarded_header_name_is_not_checked()
    {
        var options = new SourceAddressOptions { AllowedAddresses = { "203.0.113.7" }, ForwardedForHeaderName = string.Empty };

        var result = new SourceAddressVerifier(options).Verify(SourceAddressVerifierTests.From("203.0.113.7"));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Receeve_accepts_a_zero_clock_skew_and_then_refuses_any_timestamp_ahead_of_now()
    {
        var verifier = new ReceeveSignatureVerifier(
            new ReceeveSignatureOptions { PublicKeys = { Signer.PublicKeyPem }, AllowedClockSkew = TimeSpan.Zero },
            new FixedTimeProvider(Now));

        var atNow = verifier.Verify(Request(Signer.Sign(SignedBodies.ReceeveSample, Now)));
        var ahead = verifier.Verify(Request(Signer.Sign(SignedBodies.ReceeveSample, Now.AddMilliseconds(1))));

        Assert.Equal(WebhookVerificationResult.Verified, atNow);
        Assert.Equal(WebhookVerificationFailureReason.Expired, ahead.Reason);
    }

    [Fact]
    public void Receeve_refuses_a_payload_holding_an_unpaired_surrogate_even_when_it_spells_the_signed_text()
    {
        // payloadAsString holds the six characters \uD800 (valid text); both sides name an unpaired surrogate,
        // which no reader can unescape the same way, so the payload is not vouched for.
        const string Text = "{\"note\":\"\\uD800\"}";
        byte[] signature = Signer.SignData(Encoding.UTF8.GetBytes(Text));
        string body = "{\"payload\":" + Text + ",\"payloadAsString\":\"" + JsonEncodedText.Encode(Text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            + "\",\"signature\":\"" + Convert.ToBase64String(signature) + "\"}";
        var verifier = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { Signer.PublicKeyPem } }, new FixedTimeProvider(Now));

        var result = verifier.Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.SignedContentMismatch, result.Reason);
    }

    [Fact]
    public void Results_compare_and_hash_without_a_detail_and_null_equals_only_null()
    {
        WebhookVerificationResult? none = null;
        var first = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.Expired);
        var second = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.Expired);

        Assert.True(none == null);
        Assert.False(none == first);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal("Verified", WebhookVerificationResult.Verified.ToString());
        Assert.Equal("Failed: Expired", first.ToString());
    }

    [Theory]
    [InlineData("credential user name")]
    [InlineData("credential password")]
    [InlineData("basic options")]
    public void A_null_argument_is_refused_with_ArgumentNullException_not_a_later_failure(string argument)
    {
        Action call = argument switch
        {
            "credential user name" => () => _ = new BasicAuthenticationCredential(null!, "pa55-Word-7c6b5a"),
            "credential password" => () => _ = new BasicAuthenticationCredential("payitoff", null!),
            _ => () => _ = new BasicAuthenticationVerifier(null!),
        };

        Assert.Throws<ArgumentNullException>(call);
    }

    [Fact]
    public void Receeve_reads_a_signature_token_of_exactly_the_longest_length_it_accepts()
    {
        // 684 base64 characters (512 bytes, an RSA-4096 signature's size), 682 of them \u-escaped: 4,094 bytes plus
        // the quotes is the 4,096-byte limit. It is read and decoded, and then it is simply not receeve's signature.
        string base64 = Convert.ToBase64String(new byte[512]);
        string escaped = string.Concat(base64[..682].Select(c => $"\\u{(int)c:X4}")) + base64[682..];
        Assert.Equal(4094, escaped.Length);
        string body = "{\"payload\":{},\"payloadAsString\":\"{}\",\"signature\":\"" + escaped + "\"}";
        var verifier = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { Signer.PublicKeyPem } }, new FixedTimeProvider(Now));

        var result = verifier.Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void The_canopy_diagnosis_reads_a_hex_signature_in_the_longest_spelling_json_allows()
    {
        const string Secret = "canopy-diagnosis-secret";
        const string Data = "{\"account_id\":\"acc_7d41c2\"}";
        string hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(Data))).ToLowerInvariant();
        string escaped = string.Concat(hex.Select(c => $"\\u{(int)c:X4}"));
        string body = "{\"data\":" + Data + ",\"hmac_signature\":\"" + escaped + "\"}";

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), Secret);

        Assert.True(diagnosis.HasReadableSignature, diagnosis.Summary);
        Assert.Contains(new EmbeddedSignatureMatch(EmbeddedSignedContent.MemberValue, SignatureEncoding.Hex), diagnosis.Matches);
    }

    private static WebhookRequest Request(string body) => new(Encoding.UTF8.GetBytes(body), WebhookHeaders.Empty);
}
