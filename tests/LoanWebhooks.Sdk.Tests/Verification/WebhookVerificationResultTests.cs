using System;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class WebhookVerificationResultTests
{
    [Fact]
    public void Verified_is_verified_and_has_no_failure_reason()
    {
        var result = WebhookVerificationResult.Verified;

        Assert.Equal((true, WebhookVerificationFailureReason.None, (string?)null), (result.IsVerified, result.Reason, result.Detail));
    }

    [Fact]
    public void Failed_carries_its_reason_and_detail()
    {
        var result = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.Expired, "Too old.");

        Assert.Equal((false, WebhookVerificationFailureReason.Expired, "Too old."), (result.IsVerified, result.Reason, result.Detail));
    }

    [Theory]
    [InlineData(WebhookVerificationFailureReason.None)]
    [InlineData((WebhookVerificationFailureReason)999)]
    public void Failed_rejects_a_reason_that_is_not_a_failure(WebhookVerificationFailureReason reason)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookVerificationResult.Failed(reason, "detail"));
    }

    [Fact]
    public void Results_with_the_same_reason_and_detail_are_equal()
    {
        var first = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.InvalidCredential, "No match.");
        var second = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.InvalidCredential, "No match.");

        Assert.True(first == second && first.Equals((object)second) && first.GetHashCode() == second.GetHashCode());
    }

    [Theory]
    [InlineData(WebhookVerificationFailureReason.InvalidCredential, "Other detail.")]
    [InlineData(WebhookVerificationFailureReason.MalformedCredential, "No match.")]
    [InlineData(WebhookVerificationFailureReason.InvalidCredential, null)]
    public void Results_that_differ_in_reason_or_detail_are_not_equal(WebhookVerificationFailureReason reason, string? detail)
    {
        var first = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.InvalidCredential, "No match.");
        var second = WebhookVerificationResult.Failed(reason, detail);

        Assert.True(first != second && !first.Equals(second));
    }

    [Fact]
    public void A_failure_is_not_equal_to_verified()
    {
        var failure = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MissingCredential);

        Assert.NotEqual(WebhookVerificationResult.Verified, failure);
    }

    [Fact]
    public void Formats_a_failure_with_its_reason_and_detail()
    {
        var result = WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MissingCredential, "No header.");

        Assert.Equal("Failed: MissingCredential. No header.", result.ToString());
    }
}
