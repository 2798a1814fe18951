using System;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class ReceeveSignatureVerifierTests
{
    private const string Payload = "{\"details\":{\"messageType\":\"event.claim.created.v1\"},\"messageId\":\"m-1\",\"timestamp\":\"2024-03-01T12:00:00.000Z\"}";
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accepts_the_documented_sample_signed_and_dated_now()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now);

        var result = Verifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Accepts_the_documented_sample_with_its_own_timestamp_when_signed_and_checked_at_that_time()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret);

        var result = Verifier(now: ReceeveSampleTimestamp).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Accepts_a_signature_computed_independently_over_the_bytes_of_payload_in_hex_or_base64(bool hex)
    {
        string signature = hex ? HmacHex(Secret, Payload) : HmacBase64(Secret, Payload);
        string body = "{\"payload\":" + Payload + ",\"signature\":\"" + signature + "\"}";

        var result = Verifier().Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Rejects_a_hex_signature_when_only_base64_is_configured()
    {
        string body = "{\"payload\":" + Payload + ",\"signature\":\"" + HmacHex(Secret, Payload) + "\"}";

        var result = Verifier(o => o.Encoding = SignatureEncoding.Base64).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void Rejects_the_documented_placeholder_signature_as_malformed()
    {
        var result = Verifier().Verify(Request(ReceeveSample));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_changed_byte_inside_payload()
    {
        string body = Replace(ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now), "\"amount\": 501", "\"amount\": 502");

        var result = Verifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_timestamp_moved_forward_without_the_secret()
    {
        string signed = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now.AddDays(-1));
        string body = Replace(signed, "2024-02-29T12:00:00.000Z", "2024-03-01T12:00:00.000Z");

        var result = Verifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_signature_made_with_another_secret_before_looking_at_the_timestamp()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, "some-Other-secret");

        var result = Verifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData(OldSecret)]
    [InlineData(NewSecret)]
    public void Accepts_old_and_new_secret_while_both_are_configured(string signingSecret)
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, signingSecret, timestamp: Now);

        var result = Verifier(o => { o.Secrets.Clear(); o.Secrets.Add(OldSecret); o.Secrets.Add(NewSecret); }).Verify(Request(body));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_a_secret_once_it_is_removed_from_the_configuration()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, OldSecret, timestamp: Now);

        var result = Verifier(o => { o.Secrets.Clear(); o.Secrets.Add(NewSecret); }).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData(EmbeddedSignedContent.MemberValue, SignatureEncoding.Base64)]
    [InlineData(EmbeddedSignedContent.MemberValue, SignatureEncoding.Hex)]
    [InlineData(EmbeddedSignedContent.BodyWithoutSignature, SignatureEncoding.Base64)]
    [InlineData(EmbeddedSignedContent.BodyWithoutSignature, SignatureEncoding.Hex)]
    [InlineData(EmbeddedSignedContent.MinifiedMemberValue, SignatureEncoding.Base64)]
    [InlineData(EmbeddedSignedContent.MinifiedMemberValue, SignatureEncoding.Hex)]
    public void Accepts_every_signed_content_mode_and_encoding_it_is_configured_for(EmbeddedSignedContent content, SignatureEncoding encoding)
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, content, encoding, Now);

        var result = Verifier(o => { o.SignedContent = content; o.Encoding = encoding; }).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Reports_a_timestamp_older_than_the_maximum_age_as_expired()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now - TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));

        var result = Verifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.Expired, result.Reason);
    }

    [Fact]
    public void Accepts_a_timestamp_exactly_as_old_as_the_maximum_age()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now - TimeSpan.FromHours(1));

        var result = Verifier().Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Applies_a_configured_maximum_age()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now - TimeSpan.FromMinutes(6));

        var result = Verifier(o => o.MaximumAge = TimeSpan.FromMinutes(5)).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.Expired, result.Reason);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Allows_timestamps_in_the_future_up_to_the_clock_skew(int secondsAhead, bool accepted)
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: Now.AddSeconds(secondsAhead));

        var result = Verifier().Verify(Request(body));

        Assert.Equal(accepted ? WebhookVerificationFailureReason.None : WebhookVerificationFailureReason.Expired, result.Reason);
    }

    [Fact]
    public void Compares_timestamps_with_an_offset_as_instants()
    {
        // 11:30Z, half an hour old; read as 12:30 UTC it would lie beyond the clock skew.
        string body = ReceeveWebhookSigner.Sign(
            ReceeveSample.Replace("2021-10-14T15:33:16.848Z", "2024-03-01T12:30:00+01:00", StringComparison.Ordinal), Secret);

        var result = Verifier().Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Skips_the_timestamp_check_when_the_maximum_age_is_null()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret);

        var result = Verifier(o => o.MaximumAge = null).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Does_not_require_a_timestamp_when_the_check_is_off()
    {
        const string NoTimestamp = "{\"messageId\":\"m-1\"}";
        string body = "{\"payload\":" + NoTimestamp + ",\"signature\":\"" + HmacBase64(Secret, NoTimestamp) + "\"}";

        var result = Verifier(o => o.MaximumAge = null).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("{\"messageId\":\"m-1\"}")]
    [InlineData("{\"timestamp\":1709294400000}")]
    [InlineData("{\"timestamp\":null}")]
    [InlineData("{\"timestamp\":\"2024-03-01T12:00:00.000\"}")]
    [InlineData("{\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"timestamp\":\"2024-03-01T12:00:00Z\",\"timestamp\":\"2024-03-01T12:00:00Z\"}")]
    public void Reports_a_missing_or_unreadable_timestamp_as_malformed_body(string payload)
    {
        string body = "{\"payload\":" + payload + ",\"signature\":\"" + HmacBase64(Secret, payload) + "\"}";

        var result = Verifier().Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_a_missing_payload_as_malformed_body_when_the_whole_body_is_signed()
    {
        const string Unsigned = "{\"other\":{}}";
        string body = "{\"other\":{},\"signature\":\"" + HmacBase64(Secret, Unsigned) + "\"}";

        var result = Verifier(o => o.SignedContent = EmbeddedSignedContent.BodyWithoutSignature).Verify(Request(body));

        Assert.Equal(WebhookVerificationFailureReason.MalformedBody, result.Reason);
    }

    [Fact]
    public void Reports_a_missing_signature_as_missing_credential()
    {
        var result = Verifier().Verify(Request("{\"payload\":" + Payload + "}"));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Uses_the_system_clock_when_no_time_provider_is_given()
    {
        string body = ReceeveWebhookSigner.Sign(ReceeveSample, Secret, timestamp: DateTimeOffset.UtcNow);

        var result = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { Secrets = { Secret } }).Verify(Request(body));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_maximum_age_that_is_not_positive(int seconds)
    {
        var options = new ReceeveSignatureOptions { Secrets = { Secret }, MaximumAge = TimeSpan.FromSeconds(seconds) };

        var exception = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(options));

        Assert.Contains("MaximumAge", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_negative_clock_skew()
    {
        var options = new ReceeveSignatureOptions { Secrets = { Secret }, AllowedClockSkew = TimeSpan.FromSeconds(-1) };

        var exception = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(options));

        Assert.Contains("AllowedClockSkew", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_options_without_any_secret_or_with_an_empty_one()
    {
        Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions()));
        var exception = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { Secrets = { "" } }));

        Assert.Contains("ReceeveSignatureOptions.Secrets[0]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_member_value_either_encoding_one_hour_and_five_minutes()
    {
        var options = new ReceeveSignatureOptions();

        Assert.Equal(
            (EmbeddedSignedContent.MemberValue, SignatureEncoding.Base64OrHex, (TimeSpan?)TimeSpan.FromHours(1), TimeSpan.FromMinutes(5)),
            (options.SignedContent, options.Encoding, options.MaximumAge, options.AllowedClockSkew));
    }

    [Fact]
    public void Throws_for_null_options_or_request()
    {
        Assert.Throws<ArgumentNullException>(() => new ReceeveSignatureVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => Verifier().Verify(null!));
    }

    private static ReceeveSignatureVerifier Verifier(Action<ReceeveSignatureOptions>? configure = null, DateTimeOffset? now = null)
    {
        var options = new ReceeveSignatureOptions { Secrets = { Secret } };
        configure?.Invoke(options);
        return new ReceeveSignatureVerifier(options, new FixedTimeProvider(now ?? Now));
    }
}
