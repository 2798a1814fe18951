using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>
/// The embedded HMAC verifier (Canopy) takes its decision only from a <see cref="SignatureMatcher"/>, and the one
/// they use in production is the constant-time <see cref="ConstantTimeSecrets.MatchesAnySignature"/>. Proven by
/// substitution rather than by timing.
/// </summary>
public sealed class SignatureComparisonTests
{
    [Fact]
    public void The_Canopy_verifier_compares_with_the_constant_time_matcher_by_default()
    {
        SignatureMatcher expected = ConstantTimeSecrets.MatchesAnySignature;

        Assert.Equal(expected, CanopyVerifier().Matcher);
    }

    [Fact]
    public void A_correct_signature_fails_when_the_matcher_says_no()
    {
        var recorder = new RecordingMatcher(answer: false);
        var verifier = new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { Secret } }, recorder.Match);

        var result = verifier.Verify(Request(CanopyWebhookSigner.Sign(CanopySample, Secret)));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
        Assert.Equal(1, recorder.Calls);
    }

    [Fact]
    public void A_wrong_signature_passes_when_the_matcher_says_yes_so_nothing_else_compares()
    {
        var recorder = new RecordingMatcher(answer: true);
        var verifier = new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { Secret } }, recorder.Match);

        var result = verifier.Verify(Request(CanopyWebhookSigner.Sign(CanopySample, "not-the-secret")));

        Assert.True(result.IsVerified);
        Assert.Equal(1, recorder.Calls);
    }

    [Fact]
    public void The_matcher_gets_the_decoded_signature_the_signed_bytes_and_every_configured_key()
    {
        var recorder = new RecordingMatcher(answer: true);
        var options = new CanopySignatureOptions { Secrets = { OldSecret, NewSecret, Secret } };
        string body = CanopySampleWithSignature(HmacBase64("presented-Secret", CanopySampleData));

        new CanopySignatureVerifier(options, recorder.Match).Verify(Request(body));

        Assert.Equal(Hmac("presented-Secret", CanopySampleData), recorder.Presented);
        Assert.Equal(CanopySampleData, Encoding.UTF8.GetString(recorder.Content!));
        Assert.Equal(new[] { OldSecret, NewSecret, Secret }, recorder.Keys!.Select(k => Encoding.UTF8.GetString(k)));
    }

    [Fact]
    public void The_matcher_is_not_consulted_for_a_malformed_signature()
    {
        var recorder = new RecordingMatcher(answer: true);
        var verifier = new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { Secret } }, recorder.Match);

        var result = verifier.Verify(Request(CanopySampleWithSignature("short")));

        Assert.Equal(WebhookVerificationFailureReason.MalformedCredential, result.Reason);
        Assert.Equal(0, recorder.Calls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void MatchesAnySignature_finds_the_matching_key_wherever_it_is(int position)
    {
        byte[][] keys = { Bytes("key-a"), Bytes("key-b"), Bytes("key-c") };
        byte[] content = Bytes("content");
        byte[] signature = Hmac(Encoding.UTF8.GetString(keys[position]), "content");

        Assert.True(ConstantTimeSecrets.MatchesAnySignature(signature, content, keys));
    }

    [Fact]
    public void MatchesAnySignature_rejects_a_signature_under_no_configured_key()
    {
        byte[][] keys = { Bytes("key-a"), Bytes("key-b") };

        Assert.False(ConstantTimeSecrets.MatchesAnySignature(Hmac("key-c", "content"), Bytes("content"), keys));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void MatchesAnySignature_rejects_a_presented_value_of_another_length(int length)
    {
        byte[] signature = Hmac("key-a", "content");
        byte[] presented = new byte[length];
        signature.AsSpan(0, Math.Min(length, signature.Length)).CopyTo(presented);

        Assert.False(ConstantTimeSecrets.MatchesAnySignature(presented, Bytes("content"), new[] { Bytes("key-a") }));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private sealed class RecordingMatcher
    {
        private readonly bool _answer;

        public RecordingMatcher(bool answer) => _answer = answer;

        public int Calls { get; private set; }

        public byte[]? Presented { get; private set; }

        public byte[]? Content { get; private set; }

        public IReadOnlyList<byte[]>? Keys { get; private set; }

        public bool Match(ReadOnlySpan<byte> presentedSignature, ReadOnlySpan<byte> signedContent, byte[][] keys)
        {
            Calls++;
            Presented = presentedSignature.ToArray();
            Content = signedContent.ToArray();
            Keys = keys.Select(k => k.ToArray()).ToList();
            return _answer;
        }
    }
}
