using System;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class SharedSecretHeaderVerifierTests
{
    private const string HeaderName = "X-Webhook-Secret";
    private const string Secret = "s3cr3t-Value-9f8e7d";
    private const string OldSecret = "old-Secret-1a2b3c";
    private const string NewSecret = "new-Secret-4d5e6f";

    [Fact]
    public void Accepts_request_carrying_the_configured_secret()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, Secret)));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Fact]
    public void Rejects_wrong_secret_as_invalid_credential()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, "not-the-secret")));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Compares_secrets_case_sensitively()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, Secret.ToUpperInvariant())));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Theory]
    [InlineData("s")]
    [InlineData("s3cr3t-Value-9f8e7")]
    [InlineData("s3cr3t-Value-9f8e7d0")]
    [InlineData("s3cr3t-Value-9f8e7ds3cr3t-Value-9f8e7d")]
    public void Rejects_secret_that_is_a_prefix_or_extension_of_the_configured_one(string presented)
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, presented)));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Rejects_a_very_long_presented_value_as_invalid_credential()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, new string('a', 100_000))));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Reports_missing_header_as_missing_credential()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders(("X-Other", Secret)));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reports_empty_header_as_missing_credential(string presented)
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, presented)));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Reports_repeated_header_with_different_values_as_ambiguous_credential()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, "attacker-value"), (HeaderName.ToLowerInvariant(), Secret)));

        Assert.Equal(WebhookVerificationFailureReason.AmbiguousCredential, result.Reason);
    }

    [Fact]
    public void Accepts_repeated_header_with_identical_values()
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, Secret), (HeaderName, Secret)));

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData("x-webhook-secret")]
    [InlineData("X-WEBHOOK-SECRET")]
    public void Finds_the_header_whatever_its_case_on_the_wire(string sentName)
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((sentName, Secret)));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Finds_the_header_whatever_its_case_in_the_options()
    {
        var options = new SharedSecretHeaderOptions { HeaderName = "x-WEBHOOK-secret", Secrets = { Secret } };
        var verifier = new SharedSecretHeaderVerifier(options);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, Secret)));

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData(" s3cr3t-Value-9f8e7d")]
    [InlineData("s3cr3t-Value-9f8e7d\t")]
    public void Ignores_whitespace_around_the_header_value(string presented)
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, presented)));

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData(OldSecret)]
    [InlineData(NewSecret)]
    public void Accepts_old_and_new_secret_while_both_are_configured(string presented)
    {
        var verifier = CreateVerifier(OldSecret, NewSecret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, presented)));

        Assert.True(result.IsVerified);
    }

    [Fact]
    public void Rejects_a_secret_once_it_is_removed_from_the_configuration()
    {
        var verifier = CreateVerifier(NewSecret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, OldSecret)));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Keeps_the_secrets_it_was_constructed_with_when_the_options_change_later()
    {
        var options = new SharedSecretHeaderOptions { HeaderName = HeaderName, Secrets = { OldSecret } };
        var verifier = new SharedSecretHeaderVerifier(options);
        options.Secrets[0] = NewSecret;

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, OldSecret)));

        Assert.True(result.IsVerified);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t \r\n")]
    public void Rejects_empty_or_whitespace_secret_at_construction(string secret)
    {
        var options = new SharedSecretHeaderOptions { HeaderName = HeaderName, Secrets = { Secret, secret } };

        var exception = Assert.Throws<ArgumentException>(() => new SharedSecretHeaderVerifier(options));

        Assert.Contains("Secrets[1]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_null_secret_at_construction()
    {
        var options = new SharedSecretHeaderOptions { HeaderName = HeaderName, Secrets = { null! } };

        Assert.Throws<ArgumentException>(() => new SharedSecretHeaderVerifier(options));
    }

    [Fact]
    public void Rejects_options_without_any_secret()
    {
        var options = new SharedSecretHeaderOptions { HeaderName = HeaderName };

        var exception = Assert.Throws<ArgumentException>(() => new SharedSecretHeaderVerifier(options));

        Assert.Contains("at least one secret", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("X Webhook Secret")]
    [InlineData("X-Webhook-Secret:")]
    public void Rejects_missing_or_invalid_header_name_at_construction(string headerName)
    {
        var options = new SharedSecretHeaderOptions { HeaderName = headerName, Secrets = { Secret } };

        var exception = Assert.Throws<ArgumentException>(() => new SharedSecretHeaderVerifier(options));

        Assert.Contains("HeaderName", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" leading-space-secret")]
    [InlineData("trailing-space-secret ")]
    [InlineData("non-ascii-sécret")]
    [InlineData("control-char\u0001-secret")]
    public void Rejects_a_secret_http_cannot_carry_without_echoing_it(string secret)
    {
        var options = new SharedSecretHeaderOptions { HeaderName = HeaderName, Secrets = { secret } };

        var exception = Assert.Throws<ArgumentException>(() => new SharedSecretHeaderVerifier(options));

        Assert.DoesNotContain(secret.Trim(), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-the-secret")]
    [InlineData("s3cr3t-Value-9f8e7")]
    [InlineData("")]
    public void Never_puts_a_configured_or_presented_secret_in_the_detail(string presented)
    {
        var verifier = CreateVerifier(Secret, NewSecret);
        var requests = new[]
        {
            TestRequests.WithHeaders((HeaderName, presented)),
            TestRequests.WithHeaders((HeaderName, presented), (HeaderName, Secret)),
        };

        foreach (var request in requests)
        {
            var result = verifier.Verify(request);

            Assert.False(result.IsVerified);
            AssertSecretFree(result.Detail, Secret, NewSecret, presented);
            AssertSecretFree(result.ToString(), Secret, NewSecret, presented);
        }
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("\uD800")]
    [InlineData("\r\n\r\n")]
    [InlineData("é€😀")]
    public void Answers_odd_header_values_with_a_result_rather_than_an_exception(string presented)
    {
        var verifier = CreateVerifier(Secret);

        var result = verifier.Verify(TestRequests.WithHeaders((HeaderName, presented)));

        Assert.False(result.IsVerified);
    }

    [Fact]
    public void Throws_for_null_options()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => new SharedSecretHeaderVerifier(null!));

        Assert.Equal("options", exception.ParamName);
    }

    [Fact]
    public void Throws_for_a_null_request()
    {
        var verifier = CreateVerifier(Secret);

        Assert.Throws<ArgumentNullException>(() => verifier.Verify(null!));
    }

    private static SharedSecretHeaderVerifier CreateVerifier(params string[] secrets)
    {
        var options = new SharedSecretHeaderOptions { HeaderName = HeaderName };
        foreach (string secret in secrets)
        {
            options.Secrets.Add(secret);
        }

        return new SharedSecretHeaderVerifier(options);
    }

    private static void AssertSecretFree(string? text, params string[] secrets)
    {
        foreach (string secret in secrets)
        {
            if (secret.Length > 0)
            {
                Assert.DoesNotContain(secret, text ?? string.Empty, StringComparison.Ordinal);
            }
        }
    }
}
