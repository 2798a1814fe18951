using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class HmacSignatureHeaderVerifierTests
{
    private const string Header = "X-Signature";
    private const string Secret = "hmac-header-secret-3e1f";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"loan.funded"}""");

    [Fact]
    public void A_hex_signature_of_the_body_after_the_prefix_verifies()
    {
        var verifier = Verifier(prefix: "sha256=");

        var result = verifier.Verify(Request(Body, "sha256=" + Hex(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void A_base64_signature_verifies_when_base64_is_configured()
    {
        var verifier = Verifier(encoding: SignatureEncoding.Base64);

        var result = verifier.Verify(Request(Body, Convert.ToBase64String(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void A_secret_configured_twice_still_verifies()
    {
        // Every key is tried, with no early exit: two keys that both match must not cancel each other out.
        var verifier = Verifier(secrets: new[] { Secret, Secret });

        var result = verifier.Verify(Request(Body, Hex(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void A_signature_under_an_older_secret_verifies_while_both_are_configured()
    {
        var verifier = Verifier(secrets: new[] { "new-secret-71aa", Secret });

        var result = verifier.Verify(Request(Body, Hex(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void A_signature_of_other_bytes_is_an_invalid_credential()
    {
        var verifier = Verifier();

        var result = verifier.Verify(Request(Body, Hex(Sign(Encoding.UTF8.GetBytes("{}"), Secret))));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void A_signature_under_another_secret_is_an_invalid_credential()
    {
        var verifier = Verifier();

        var result = verifier.Verify(Request(Body, Hex(Sign(Body, "guessed-secret"))));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData("sha1=")]
    [InlineData("")]
    public void A_value_without_the_configured_prefix_is_malformed(string presentedPrefix)
    {
        var verifier = Verifier(prefix: "sha256=");

        var result = verifier.Verify(Request(Body, presentedPrefix + Hex(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("0123456789abcdef")]
    public void A_value_that_is_not_a_32_byte_hex_signature_is_malformed(string value)
    {
        var verifier = Verifier();

        var result = verifier.Verify(Request(Body, value));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void A_request_without_the_header_is_missing_its_credential()
    {
        var verifier = Verifier();

        var result = verifier.Verify(new WebhookRequest(Body, WebhookHeaders.Empty));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Failure_details_never_contain_the_secret_or_the_presented_signature()
    {
        var verifier = Verifier();
        string presented = Hex(Sign(Body, "guessed-secret"));

        var result = verifier.Verify(Request(Body, presented));

        Assert.DoesNotContain(Secret, result.Detail ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(presented, result.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_a_secret_are_refused_when_the_verifier_is_built()
    {
        var e = Assert.Throws<ArgumentException>(() => Verifier(secrets: Array.Empty<string>()));

        Assert.Contains("HmacSignatureHeaderOptions.Secrets", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_a_header_name_that_is_not_an_http_token_are_refused()
    {
        var options = new HmacSignatureHeaderOptions { HeaderName = "X Signature", Secrets = { Secret } };

        var e = Assert.Throws<ArgumentException>(() => new HmacSignatureHeaderVerifier(options));

        Assert.Contains("HeaderName", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_prefix_is_matched_without_regard_to_case()
    {
        var verifier = Verifier(prefix: "sha256=");

        var result = verifier.Verify(Request(Body, "SHA256=" + Hex(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void A_prefix_of_32_printable_ascii_characters_is_accepted()
    {
        string prefix = new string('p', 31) + "=";
        var verifier = Verifier(prefix: prefix);

        var result = verifier.Verify(Request(Body, prefix + Hex(Sign(Body, Secret))));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("pppppppppppppppppppppppppppppppp=")]
    [InlineData("sha256\u00E9=")]
    [InlineData("sha256\t=")]
    public void A_prefix_that_is_null_longer_than_32_characters_or_not_printable_ascii_is_refused(string? prefix)
    {
        var options = new HmacSignatureHeaderOptions { HeaderName = Header, Prefix = prefix!, Secrets = { Secret } };

        var e = Assert.Throws<ArgumentException>(() => new HmacSignatureHeaderVerifier(options));

        Assert.Contains("HmacSignatureHeaderOptions.Prefix", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_encoding_is_refused()
    {
        var options = new HmacSignatureHeaderOptions { HeaderName = Header, Encoding = (SignatureEncoding)99, Secrets = { Secret } };

        var e = Assert.Throws<ArgumentException>(() => new HmacSignatureHeaderVerifier(options));

        Assert.Contains("HmacSignatureHeaderOptions.Encoding", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_value_too_long_to_be_a_signature_is_malformed_rather_than_an_error()
    {
        var verifier = Verifier();

        var result = verifier.Verify(Request(Body, new string('a', 257)));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void A_blank_header_is_a_missing_credential_and_two_different_headers_are_ambiguous()
    {
        var verifier = Verifier();
        string signature = Hex(Sign(Body, Secret));
        var twoValues = new WebhookHeaders(new[] { KeyValuePair.Create(Header, (string?)signature), KeyValuePair.Create(Header, (string?)"other") });

        var blank = verifier.Verify(Request(Body, " \t "));
        var ambiguous = verifier.Verify(new WebhookRequest(Body, twoValues));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, blank.Reason);
        Assert.Equal(WebhookVerificationFailureReason.AmbiguousCredential, ambiguous.Reason);
    }

    private static HmacSignatureHeaderVerifier Verifier(string prefix = "", SignatureEncoding encoding = SignatureEncoding.Hex, string[]? secrets = null)
    {
        var options = new HmacSignatureHeaderOptions { HeaderName = Header, Prefix = prefix, Encoding = encoding };
        foreach (string secret in secrets ?? new[] { Secret })
        {
            options.Secrets.Add(secret);
        }

        return new HmacSignatureHeaderVerifier(options);
    }

    private static WebhookRequest Request(byte[] body, string signature) =>
        new(body, new WebhookHeaders(new[] { KeyValuePair.Create(Header, (string?)signature) }));

    private static byte[] Sign(byte[] body, string secret) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
