using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>Behaviours the mutation run of Verification/ and Providers/ (issue 20, 2026-11-27) found no test pinning.</summary>
public sealed class VerificationSurvivorTests
{
    private const string CanopySecret = "canopy-diagnosis-secret";
    private const string Data = "{\"account_id\":\"acc_7d41c2\"}";
    private static readonly ReceeveWebhookSigner Signer = ReceeveWebhookSigner.CreateEcdsa();

    [Fact]
    public void The_hmac_header_verifier_refuses_null_options_and_a_null_request_with_ArgumentNullException()
    {
        var verifier = new HmacSignatureHeaderVerifier(new HmacSignatureHeaderOptions { HeaderName = "X-Signature", Secrets = { CanopySecret } });

        Assert.Throws<ArgumentNullException>(() => new HmacSignatureHeaderVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => verifier.Verify(null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_hex_signature_with_one_character_that_is_not_a_hex_digit_is_malformed(int position)
    {
        byte[] body = Encoding.UTF8.GetBytes(Data);
        char[] hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CanopySecret), body)).ToLowerInvariant().ToCharArray();
        hex[position] = 'g';
        var verifier = new HmacSignatureHeaderVerifier(new HmacSignatureHeaderOptions { HeaderName = "X-Signature", Secrets = { CanopySecret } });

        var result = verifier.Verify(new WebhookRequest(body, new WebhookHeaders(new[] { KeyValuePair.Create("X-Signature", (string?)new string(hex)) })));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void A_canopy_signature_string_longer_than_any_spelling_of_a_signature_is_malformed_rather_than_an_error()
    {
        string body = "{\"data\":" + Data + ",\"hmac_signature\":\"" + new string('A', 400) + "\"}";

        var result = SignedBodies.CanopyVerifier().Verify(SignedBodies.Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void The_canopy_diagnosis_refuses_a_repeated_signature_member()
    {
        string signature = SignedBodies.HmacBase64(CanopySecret, Data);
        string body = "{\"data\":" + Data + ",\"hmac_signature\":\"" + signature + "\",\"hmac_signature\":\"" + signature + "\"}";

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), CanopySecret);

        Assert.False(diagnosis.HasReadableSignature);
        Assert.StartsWith("The body has more than one \"hmac_signature\" member", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_canopy_diagnosis_calls_an_over_long_signature_string_unreadable_rather_than_failing()
    {
        string body = "{\"data\":" + Data + ",\"hmac_signature\":\"" + new string('A', 400) + "\"}";

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), CanopySecret);

        Assert.False(diagnosis.HasReadableSignature);
    }

    [Fact]
    public void The_canopy_diagnosis_never_matches_data_readings_on_a_body_without_data()
    {
        // The signature is the HMAC of no bytes at all: what a missing data member would read as if it were not skipped.
        string body = "{\"hmac_signature\":\"" + SignedBodies.HmacBase64(CanopySecret, string.Empty) + "\"}";

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), CanopySecret);

        Assert.True(diagnosis.HasReadableSignature);
        Assert.Empty(diagnosis.Matches);
    }

    [Fact]
    public void The_canopy_diagnosis_says_when_several_readings_match_and_names_hex()
    {
        string several = "{\"data\":" + Data + ",\"hmac_signature\":\"" + SignedBodies.HmacBase64(CanopySecret, Data) + "\"}";
        string hex = "{\"data\":" + Data + ",\"hmac_signature\":\"" + SignedBodies.HmacHex(CanopySecret, Data) + "\"}";

        var severalDiagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(several), CanopySecret);
        var hexDiagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(hex), CanopySecret);

        // data is already minified, so "as received" and "minified" are the same bytes.
        Assert.Equal(2, severalDiagnosis.Matches.Count);
        Assert.Contains("other readings give the same bytes", severalDiagnosis.Summary, StringComparison.Ordinal);
        Assert.Contains("written as hex", hexDiagnosis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_canopy_diagnosis_of_a_single_reading_does_not_claim_others_match()
    {
        const string Indented = "{\n  \"account_id\": \"acc_7d41c2\"\n}";
        string body = "{\"data\":" + Indented + ",\"hmac_signature\":\"" + SignedBodies.HmacBase64(CanopySecret, Indented) + "\"}";

        var diagnosis = CanopySignatureDiagnostics.Diagnose(Encoding.UTF8.GetBytes(body), CanopySecret);

        Assert.Single(diagnosis.Matches);
        Assert.DoesNotContain("other readings", diagnosis.Summary, StringComparison.Ordinal);
        Assert.Contains("written as base64", diagnosis.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_forwarded_entry_left_of_trusted_proxies_is_refused_not_skipped()
    {
        // 10.0.0.7 is both a trusted proxy and allowed; the empty entry before it must not let it count as the client.
        var options = new SourceAddressOptions { AllowedAddresses = { "10.0.0.7" }, TrustedProxies = { "10.0.0.0/8" } };

        var result = new SourceAddressVerifier(options).Verify(SourceAddressVerifierTests.From("10.0.0.1", ("X-Forwarded-For", ",10.0.0.7")));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void An_unreadable_forwarded_entry_is_reported_as_unreadable_not_as_a_disallowed_address()
    {
        var options = new SourceAddressOptions { AllowedAddresses = { "44.232.30.137" }, TrustedProxies = { "10.0.0.5" } };

        var result = new SourceAddressVerifier(options).Verify(SourceAddressVerifierTests.From("10.0.0.5", ("X-Forwarded-For", "unknown")));

        Assert.Equal("The X-Forwarded-For header is not a comma-separated list of IP addresses.", result.Detail);
    }

    [Fact]
    public void Grouped_headers_with_a_null_value_collection_treat_the_header_as_absent_but_still_check_its_name()
    {
        var withNull = new Dictionary<string, string?[]> { ["X-Webhook-Secret"] = null!, ["X-Other"] = new[] { "value" } };
        var nullUnderEmptyName = new Dictionary<string, string?[]> { [string.Empty] = null! };

        var headers = WebhookHeaders.Create(withNull);

        Assert.Equal(WebhookHeaderLookup.Missing, headers.FindSingleValue("X-Webhook-Secret", out _));
        Assert.Equal(WebhookHeaderLookup.Found, headers.FindSingleValue("X-Other", out _));
        Assert.Throws<ArgumentException>(() => WebhookHeaders.Create(nullUnderEmptyName));
    }

    [Fact]
    public void Receeve_refuses_a_signature_token_over_4096_bytes_even_when_it_would_decode()
    {
        // 684 base64 characters, every one \u-escaped: 4,104 bytes plus quotes, over the limit, though the text decodes.
        string escaped = string.Concat(Convert.ToBase64String(new byte[512]).Select(c => $"\\u{(int)c:X4}"));
        string body = "{\"payload\":{},\"payloadAsString\":\"{}\",\"signature\":\"" + escaped + "\"}";
        var verifier = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { Signer.PublicKeyPem } });

        var result = verifier.Verify(SignedBodies.Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void A_key_file_path_the_system_cannot_open_is_refused_naming_the_error_type()
    {
        // A file name longer than file systems allow fails with PathTooLongException, an IOException.
        string path = Path.Combine(Path.GetTempPath(), new string('k', 300) + ".pem");

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeyFiles = { path } }));

        Assert.Contains("cannot be read (PathTooLongException)", e.Message, StringComparison.Ordinal);
    }
}
