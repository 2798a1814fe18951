using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class ReceeveSignatureVerifierTests
{
    private const string Payload = "{\"details\":{\"messageType\":\"event.claim.created.v1\",\"amount\":501},\"messageId\":\"m-1\",\"timestamp\":\"2024-03-01T12:00:00.000Z\"}";

    // RFC 8410's example Ed25519 public key: well-formed SubjectPublicKeyInfo of a type receeve does not use.
    private const string Ed25519PublicKey = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----";

    private static readonly DateTimeOffset Now = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // Shared by every test (and never disposed): making an RSA key takes a good part of a second.
    private static readonly ReceeveWebhookSigner RsaSigner = ReceeveWebhookSigner.CreateRsa();
    private static readonly ReceeveWebhookSigner EcSigner = ReceeveWebhookSigner.CreateEcdsa();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accepts_the_documented_sample_signed_like_receeve_with_an_RSA_or_an_EC_key(bool ec)
    {
        ReceeveWebhookSigner signer = ec ? EcSigner : RsaSigner;
        string body = signer.Sign(ReceeveSample);

        var result = Verifier(signer).Verify(Request(body));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accepts_a_signature_computed_independently_with_the_framework(bool ec)
    {
        byte[] text = Encoding.UTF8.GetBytes(Payload);
        string pem;
        byte[] signature;
        if (ec)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            pem = key.ExportSubjectPublicKeyInfoPem();
            signature = key.SignData(text, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        else
        {
            using var key = RSA.Create(2048);
            pem = key.ExportRSAPublicKeyPem();
            signature = key.SignData(text, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        string body = Body(Payload, JsonString(Payload), Convert.ToBase64String(signature));

        var result = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { pem } }).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rejects_a_tampered_signature(bool ec)
    {
        ReceeveWebhookSigner signer = ec ? EcSigner : RsaSigner;
        byte[] signature = signer.SignData(Encoding.UTF8.GetBytes(Payload));
        signature[signature.Length / 2] ^= 0x01;

        var result = Verifier(signer).Verify(Request(Body(Payload, JsonString(Payload), Convert.ToBase64String(signature))));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_payloadAsString_changed_after_signing()
    {
        string signed = RsaSigner.Sign(ReceeveSample);
        string body = Replace(signed, "\\\"amount\\\":501", "\\\"amount\\\":502");

        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_body_signed_with_a_key_that_is_not_configured()
    {
        string body = EcSigner.Sign(ReceeveSample);

        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accepts_a_body_signed_with_either_of_two_configured_keys_while_rotating(bool signWithNewKey)
    {
        var options = new ReceeveSignatureOptions { PublicKeys = { RsaSigner.PublicKeyPem, EcSigner.PublicKeyPem } };
        string body = (signWithNewKey ? EcSigner : RsaSigner).Sign(ReceeveSample);

        var result = new ReceeveSignatureVerifier(options).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Refuses_a_payload_swapped_under_a_genuine_payloadAsString_without_quoting_either()
    {
        string signed = RsaSigner.Sign(ReceeveSample);

        // The body's payload is indented ("amount": 501); the compact payloadAsString, which was signed, is not.
        string body = Replace(signed, "\"amount\": 501", "\"amount\": 98765");
        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.SignedContentMismatch, result.Reason);
        Assert.DoesNotContain("98765", result.Detail!, StringComparison.Ordinal);
        Assert.DoesNotContain("501", result.Detail!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"b\":[1,{\"d\":null,\"c\":true}],\"a\":\"x\"}", "{ \"a\" : \"x\",\n  \"b\" : [ 1, { \"c\": true, \"d\": null } ] }")]
    [InlineData("{\"a\":\"\\u0041\\u00fc\"}", "{\"a\":\"Aü\"}")]
    [InlineData("{\"a\":1.0}", "{\"a\":1}")]
    [InlineData("{\"a\":100}", "{\"a\":1e2}")]
    [InlineData("{\"a\":0.5}", "{\"a\":5E-1}")]
    [InlineData("{\"a\":-0}", "{\"a\":0}")]
    [InlineData("{\"a\":{}}", "{\"a\":{ }}")]
    [InlineData("{\"a\":1}", "{\"a\":1,}")]
    public void Accepts_a_payload_that_says_the_same_as_payloadAsString_in_other_order_whitespace_or_spelling(string payload, string signedText)
    {
        var result = Verifier(RsaSigner).Verify(Request(SignedBody(RsaSigner, payload, signedText)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":2}")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":1}")]
    [InlineData("{\"a\":1,\"b\":null}", "{\"a\":1}")]
    [InlineData("{\"a\":\"1\"}", "{\"a\":1}")]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[2,1]}")]
    [InlineData("{\"a\":[1]}", "{\"a\":[1,1]}")]
    [InlineData("{\"a\":0.1}", "{\"a\":0.10000000000000001}")]
    [InlineData("{\"a\":1e400}", "{\"a\":1e401}")]
    [InlineData("{\"a\":true}", "{\"a\":false}")]
    [InlineData("{\"a\":\"x\"}", "{\"A\":\"x\"}")]
    [InlineData("{\"a\":1,\"a\":1}", "{\"a\":1}")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"a\":1}")]
    [InlineData("{\"a\":{\"b\":1,\"b\":2}}", "{\"a\":{\"b\":2}}")]
    public void Refuses_a_payload_that_differs_from_payloadAsString_or_repeats_a_member(string payload, string signedText)
    {
        var result = Verifier(RsaSigner).Verify(Request(SignedBody(RsaSigner, payload, signedText)));

        Assert.Equal(WebhookVerificationFailureReason.SignedContentMismatch, result.Reason);
    }

    [Fact]
    public void Refuses_the_documented_sample_as_it_is_because_it_has_no_payloadAsString()
    {
        var result = Verifier(RsaSigner).Verify(Request(ReceeveSample));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
        Assert.Contains("payloadAsString", result.Detail!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"payload\":{},\"signature\":\"c2ln\"}")]
    [InlineData("{\"payload\":{},\"payloadAsString\":{},\"signature\":\"c2ln\"}")]
    [InlineData("{\"payload\":{},\"payloadAsString\":null,\"signature\":\"c2ln\"}")]
    [InlineData("{\"payload\":{},\"payloadAsString\":\"{}\",\"payloadAsString\":\"{}\",\"signature\":\"c2ln\"}")]
    public void Reports_a_missing_repeated_or_non_string_payloadAsString_as_malformed_body(string body)
    {
        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_a_missing_signature_as_missing_credential()
    {
        var result = Verifier(RsaSigner).Verify(Request(Body(Payload, JsonString(Payload), signature: null)));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Theory]
    [InlineData("\"signature\":42", WebhookVerificationFailureReason.MalformedCredential)]
    [InlineData("\"signature\":\"not base64!\"", WebhookVerificationFailureReason.MalformedCredential)]
    [InlineData("\"signature\":\"\"", WebhookVerificationFailureReason.MalformedCredential)]
    [InlineData("\"signature\":\"c2ln\",\"signature\":\"c2ln\"", WebhookVerificationFailureReason.AmbiguousCredential)]
    public void Reports_an_unreadable_or_repeated_signature_by_its_reason(string signatureMembers, WebhookVerificationFailureReason expected)
    {
        string body = "{\"payload\":" + Payload + ",\"payloadAsString\":" + JsonString(Payload) + "," + signatureMembers + "}";

        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(expected, result.Reason);
    }

    [Fact]
    public void Reports_an_overlong_signature_as_malformed_without_decoding_it()
    {
        string signature = Convert.ToBase64String(new byte[4096]);

        var result = Verifier(RsaSigner).Verify(Request(Body(Payload, JsonString(Payload), signature)));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Theory]
    [InlineData("\"{\\\"a\\\":\\\"\\ud800\\\"}\"")]
    [InlineData("\"\\udc00\"")]
    [InlineData("\"x\\ud83d\"")]
    public void Reports_a_payloadAsString_with_an_unpaired_surrogate_as_malformed_body_without_throwing(string payloadAsString)
    {
        string body = Body("{}", payloadAsString, Convert.ToBase64String(new byte[256]));

        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_a_signed_payloadAsString_that_is_not_JSON_as_malformed_body()
    {
        var result = Verifier(RsaSigner).Verify(Request(SignedBody(RsaSigner, Payload, "not json")));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Theory]
    [InlineData("{\"payloadAsString\":\"{}\",\"signature\":\"SIG\"}")]
    [InlineData("{\"payload\":[],\"payloadAsString\":\"{}\",\"signature\":\"SIG\"}")]
    [InlineData("{\"payload\":{},\"payload\":{},\"payloadAsString\":\"{}\",\"signature\":\"SIG\"}")]
    public void Reports_a_missing_repeated_or_non_object_payload_under_a_genuine_signature_as_malformed_body(string template)
    {
        string body = template.Replace("SIG", Convert.ToBase64String(RsaSigner.SignData("{}"u8)), StringComparison.Ordinal);

        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"payload\"")]
    public void Reports_a_body_that_is_not_a_JSON_object_as_malformed_body(string body)
    {
        var result = Verifier(RsaSigner).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Has_no_timestamp_window_by_default_so_a_years_old_delivery_verifies()
    {
        var options = new ReceeveSignatureOptions();

        // The sample is dated 2021; the verifier's clock is in 2024.
        var result = Verifier(RsaSigner).Verify(Request(RsaSigner.Sign(ReceeveSample)));

        Assert.Null(options.MaximumAge);
        Assert.Null(options.AllowedClockSkew);
        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Does_not_require_a_timestamp_by_default()
    {
        const string NoTimestamp = "{\"messageId\":\"m-1\"}";

        var result = Verifier(RsaSigner).Verify(Request(SignedBody(RsaSigner, NoTimestamp, NoTimestamp)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(-3600_000, true)]
    [InlineData(-3600_001, false)]
    public void Applies_a_maximum_age_once_one_is_configured(int millisecondsFromNow, bool accepted)
    {
        string body = RsaSigner.Sign(ReceeveSample, Now.AddMilliseconds(millisecondsFromNow));

        var result = Verifier(RsaSigner, o => o.MaximumAge = TimeSpan.FromHours(1)).Verify(Request(body));

        Assert.Equal(accepted ? WebhookVerificationFailureReason.None : WebhookVerificationFailureReason.Expired, result.Reason);
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Applies_an_allowed_clock_skew_once_one_is_configured(int secondsAhead, bool accepted)
    {
        string body = RsaSigner.Sign(ReceeveSample, Now.AddSeconds(secondsAhead));

        var result = Verifier(RsaSigner, o => o.AllowedClockSkew = TimeSpan.FromMinutes(5)).Verify(Request(body));

        Assert.Equal(accepted ? WebhookVerificationFailureReason.None : WebhookVerificationFailureReason.Expired, result.Reason);
    }

    [Theory]
    [InlineData("{\"messageId\":\"m-1\"}")]
    [InlineData("{\"timestamp\":1709294400000}")]
    [InlineData("{\"timestamp\":\"2024-03-01T12:00:00.000\"}")]
    [InlineData("{\"timestamp\":\"yesterday\"}")]
    public void Requires_a_readable_timestamp_once_a_window_is_configured(string payload)
    {
        var result = Verifier(RsaSigner, o => o.MaximumAge = TimeSpan.FromHours(1)).Verify(Request(SignedBody(RsaSigner, payload, payload)));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Accepts_an_RSA_PUBLIC_KEY_pem_and_a_key_file()
    {
        using var rsa = RSA.Create(2048);
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, EcSigner.PublicKeyPem);
            var options = new ReceeveSignatureOptions { PublicKeys = { rsa.ExportRSAPublicKeyPem() }, PublicKeyFiles = { path } };

            var result = new ReceeveSignatureVerifier(options).Verify(Request(EcSigner.Sign(ReceeveSample)));

            Assert.True(result.IsVerified, result.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_a_private_key_at_start_up_without_echoing_it()
    {
        using var rsa = RSA.Create(2048);
        string privateKey = rsa.ExportPkcs8PrivateKeyPem();

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { EcSigner.PublicKeyPem, privateKey } }));

        Assert.Contains("ReceeveSignatureOptions.PublicKeys[1] is a private key", e.Message, StringComparison.Ordinal);
        AssertNoKeyMaterial(privateKey, e.Message);
    }

    [Theory]
    [InlineData("not a key at all", "is not PEM text")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PUBLIC KEY-----", "not a readable SubjectPublicKeyInfo")]
    [InlineData("-----BEGIN RSA PUBLIC KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END RSA PUBLIC KEY-----", "not a readable PKCS#1 RSA public key")]
    [InlineData(Ed25519PublicKey, "unsupported type (algorithm 1.3.101.112)")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END CERTIFICATE-----", "PEM 'CERTIFICATE' block, which is not supported")]
    [InlineData("  ", "is null, empty or whitespace")]
    public void Refuses_an_unusable_key_at_start_up_saying_what_is_wrong_and_which_key(string pem, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { pem } }));

        Assert.Contains("ReceeveSignatureOptions.PublicKeys[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        AssertNoKeyMaterial(pem, e.Message);
    }

    [Fact]
    public void Refuses_a_missing_key_file_at_start_up_naming_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "receeve.pem");

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeyFiles = { path } }));

        Assert.Contains("ReceeveSignatureOptions.PublicKeyFiles[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{path}' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_private_key_file_at_start_up_naming_the_file_without_echoing_the_key()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string privateKey = ec.ExportECPrivateKeyPem();
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, privateKey);

            var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeyFiles = { path } }));

            Assert.Contains($"(file '{path}') is a private key (EC PRIVATE KEY)", e.Message, StringComparison.Ordinal);
            AssertNoKeyMaterial(privateKey, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Refuses_options_without_any_key()
    {
        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions()));

        Assert.Contains("no public key", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Refuses_a_maximum_age_that_is_not_positive(int seconds)
    {
        var options = new ReceeveSignatureOptions { PublicKeys = { RsaSigner.PublicKeyPem }, MaximumAge = TimeSpan.FromSeconds(seconds) };

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(options));

        Assert.Contains("MaximumAge", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_negative_clock_skew()
    {
        var options = new ReceeveSignatureOptions { PublicKeys = { RsaSigner.PublicKeyPem }, AllowedClockSkew = TimeSpan.FromSeconds(-1) };

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(options));

        Assert.Contains("AllowedClockSkew", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_for_null_options_or_request()
    {
        Assert.Throws<ArgumentNullException>(() => new ReceeveSignatureVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => Verifier(RsaSigner).Verify(null!));
    }

    private static ReceeveSignatureVerifier Verifier(ReceeveWebhookSigner signer, Action<ReceeveSignatureOptions>? configure = null)
    {
        var options = new ReceeveSignatureOptions { PublicKeys = { signer.PublicKeyPem } };
        configure?.Invoke(options);
        return new ReceeveSignatureVerifier(options, new FixedTimeProvider(Now));
    }

    /// <summary>A body whose payloadAsString is <paramref name="signedText"/>, signed, next to <paramref name="payload"/>.</summary>
    private static string SignedBody(ReceeveWebhookSigner signer, string payload, string signedText) =>
        Body(payload, JsonString(signedText), Convert.ToBase64String(signer.SignData(Encoding.UTF8.GetBytes(signedText))));

    private static string Body(string payload, string payloadAsStringToken, string? signature) =>
        "{\"payload\":" + payload + ",\"payloadAsString\":" + payloadAsStringToken
        + (signature is null ? string.Empty : ",\"signature\":\"" + signature + "\"") + "}";

    private static string JsonString(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    // Neither the text (when it is not PEM) nor any 16-character run of a PEM's base64 body appears in the message.
    private static void AssertNoKeyMaterial(string pem, string message)
    {
        string[] lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string material = lines.Length >= 3 ? string.Concat(lines[1..^1]) : pem.Trim();
        if (material.Length > 0 && material.Length < 16)
        {
            Assert.DoesNotContain(material, message, StringComparison.Ordinal);
        }

        for (int i = 0; i + 16 <= material.Length; i += 8)
        {
            Assert.DoesNotContain(material.Substring(i, 16), message, StringComparison.Ordinal);
        }
    }
}
