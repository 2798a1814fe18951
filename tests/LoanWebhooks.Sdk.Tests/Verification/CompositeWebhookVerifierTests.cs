using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class CompositeWebhookVerifierTests
{
    private static readonly WebhookVerificationResult WrongSecret =
        WebhookVerificationResult.Failed(WebhookVerificationFailureReason.InvalidCredential, "wrong secret");

    private static readonly WebhookVerificationResult WrongAddress =
        WebhookVerificationResult.Failed(WebhookVerificationFailureReason.SourceAddressNotAllowed, "wrong address");

    [Fact]
    public void Passes_when_every_verifier_passes()
    {
        var composite = new CompositeWebhookVerifier(new FixedVerifier(WebhookVerificationResult.Verified), new FixedVerifier(WebhookVerificationResult.Verified));

        var result = composite.Verify(TestRequests.WithoutHeaders());

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Fails_when_any_one_verifier_fails(int failingIndex)
    {
        var verifiers = new IWebhookVerifier[3];
        for (int i = 0; i < verifiers.Length; i++)
        {
            verifiers[i] = new FixedVerifier(i == failingIndex ? WrongSecret : WebhookVerificationResult.Verified);
        }

        var result = new CompositeWebhookVerifier(verifiers).Verify(TestRequests.WithoutHeaders());

        Assert.Equal(WrongSecret, result);
    }

    [Fact]
    public void Reports_the_first_failure_in_order()
    {
        var composite = new CompositeWebhookVerifier(new FixedVerifier(WrongAddress), new FixedVerifier(WrongSecret));

        var result = composite.Verify(TestRequests.WithoutHeaders());

        Assert.Equal(WrongAddress, result);
    }

    [Fact]
    public void Does_not_run_verifiers_after_the_first_failure()
    {
        var later = new FixedVerifier(WebhookVerificationResult.Verified);
        var composite = new CompositeWebhookVerifier(new FixedVerifier(WrongSecret), later);

        composite.Verify(TestRequests.WithoutHeaders());

        Assert.Equal(0, later.Calls);
    }

    [Fact]
    public void Requires_both_a_shared_secret_and_basic_credentials_when_composed_of_them()
    {
        var secret = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = "X-Secret", Secrets = { "header-Secret-1" } });
        var basic = new BasicAuthenticationVerifier(new BasicAuthenticationOptions { Credentials = { new("user", "basic-Password-1") } });
        var composite = new CompositeWebhookVerifier(secret, basic);

        var result = composite.Verify(TestRequests.WithHeaders(("X-Secret", "header-Secret-1")));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Accepts_verifiers_as_an_enumerable()
    {
        IEnumerable<IWebhookVerifier> verifiers = new List<IWebhookVerifier> { new FixedVerifier(WrongSecret) };

        var result = new CompositeWebhookVerifier(verifiers).Verify(TestRequests.WithoutHeaders());

        Assert.Equal(WrongSecret, result);
    }

    [Fact]
    public void Rejects_an_empty_list_because_it_would_accept_everything()
    {
        Assert.Throws<ArgumentException>(() => new CompositeWebhookVerifier());
    }

    [Fact]
    public void Rejects_a_null_verifier()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CompositeWebhookVerifier(new FixedVerifier(WrongSecret), null!));

        Assert.Contains("index 1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_null_first_verifier()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CompositeWebhookVerifier(null!, new FixedVerifier(WrongSecret)));

        Assert.Contains("index 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_for_a_null_request()
    {
        var composite = new CompositeWebhookVerifier(new FixedVerifier(WebhookVerificationResult.Verified));

        Assert.Throws<ArgumentNullException>(() => composite.Verify(null!));
    }

    private sealed class FixedVerifier(WebhookVerificationResult result) : IWebhookVerifier
    {
        public int Calls { get; private set; }

        public WebhookVerificationResult Verify(WebhookRequest request)
        {
            Calls++;
            return result;
        }
    }
}
