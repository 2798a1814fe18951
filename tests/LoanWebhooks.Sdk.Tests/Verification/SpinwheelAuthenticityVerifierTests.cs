using System;
using System.Linq;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Verification;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SourceAddressVerifierTests;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class SpinwheelAuthenticityVerifierTests
{
    private const string HeaderName = "X-Spinwheel-Secret";
    private const string Secret = "spinwheel-Secret-7c1d";
    private const string ProductionAddress = "44.232.30.137";

    [Theory]
    [InlineData(SpinwheelEnvironment.Sandbox, new[] { "34.203.72.127", "52.2.114.95", "52.12.60.65" })]
    [InlineData(SpinwheelEnvironment.Production, new[] { "44.232.30.137", "3.230.55.249" })]
    public void Knows_the_addresses_Spinwheel_publishes(SpinwheelEnvironment environment, string[] expected)
    {
        var addresses = SpinwheelAuthenticityVerifier.GetPublishedAddresses(environment);

        Assert.Equal(expected, addresses.Select(a => a.ToString()));
    }

    [Theory]
    [InlineData(SpinwheelEnvironment.Sandbox, "34.203.72.127")]
    [InlineData(SpinwheelEnvironment.Sandbox, "52.2.114.95")]
    [InlineData(SpinwheelEnvironment.Sandbox, "52.12.60.65")]
    [InlineData(SpinwheelEnvironment.Production, "44.232.30.137")]
    [InlineData(SpinwheelEnvironment.Production, "3.230.55.249")]
    [InlineData(SpinwheelEnvironment.Production, "::ffff:3.230.55.249")]
    public void Accepts_a_published_address_of_the_environment_with_the_header_secret(SpinwheelEnvironment environment, string address)
    {
        var result = Verifier(o => o.Environment = environment).Verify(From(address, (HeaderName, Secret)));

        Assert.Equal(WebhookVerificationResult.Verified, result);
    }

    [Theory]
    [InlineData(SpinwheelEnvironment.Sandbox, "44.232.30.137")]
    [InlineData(SpinwheelEnvironment.Production, "34.203.72.127")]
    [InlineData(SpinwheelEnvironment.Production, "198.51.100.9")]
    public void Rejects_an_address_not_published_for_the_environment(SpinwheelEnvironment environment, string address)
    {
        var result = Verifier(o => o.Environment = environment).Verify(From(address, (HeaderName, Secret)));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Defaults_to_production()
    {
        Assert.Equal(SpinwheelEnvironment.Production, new SpinwheelAuthenticityOptions().Environment);
    }

    [Fact]
    public void Checks_the_address_before_the_headers()
    {
        var result = Verifier().Verify(From("198.51.100.9", (HeaderName, "wrong")));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Reports_a_missing_header_as_missing_credential()
    {
        var result = Verifier().Verify(From(ProductionAddress));

        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.Reason);
    }

    [Fact]
    public void Reports_a_wrong_header_value_as_invalid_credential()
    {
        var result = Verifier().Verify(From(ProductionAddress, (HeaderName, "not-the-secret")));

        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.Reason);
    }

    [Fact]
    public void Reports_a_repeated_header_with_different_values_as_ambiguous()
    {
        var result = Verifier().Verify(From(ProductionAddress, (HeaderName, "not-the-secret"), (HeaderName, Secret)));

        Assert.Equal(WebhookVerificationFailureReason.AmbiguousCredential, result.Reason);
    }

    [Fact]
    public void Requires_every_configured_header()
    {
        var verifier = Verifier(o => o.Headers.Add(new SharedSecretHeaderOptions { HeaderName = "X-Second", Secrets = { "second-Secret" } }));

        var both = verifier.Verify(From(ProductionAddress, (HeaderName, Secret), ("X-Second", "second-Secret")));
        var one = verifier.Verify(From(ProductionAddress, (HeaderName, Secret)));

        Assert.True(both.IsVerified, both.ToString());
        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, one.Reason);
    }

    [Theory]
    [InlineData("old-Secret")]
    [InlineData("new-Secret")]
    public void Accepts_every_secret_of_a_header_while_rotating(string presented)
    {
        var verifier = Verifier(o =>
        {
            o.Headers.Clear();
            o.Headers.Add(new SharedSecretHeaderOptions { HeaderName = HeaderName, Secrets = { "old-Secret", "new-Secret" } });
        });

        var result = verifier.Verify(From(ProductionAddress, (HeaderName, presented)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Relies_on_the_address_alone_when_header_secrets_are_switched_off()
    {
        var verifier = Verifier(o => { o.Headers.Clear(); o.VerifyHeaderSecrets = false; });

        Assert.True(verifier.Verify(From(ProductionAddress)).IsVerified);
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, verifier.Verify(From("198.51.100.9")).Reason);
    }

    [Fact]
    public void Relies_on_the_headers_alone_when_the_address_check_is_switched_off()
    {
        var verifier = Verifier(o => o.VerifySourceAddress = false);

        var result = verifier.Verify(new WebhookRequest(
            ReadOnlyMemory<byte>.Empty,
            new WebhookHeaders(new[] { System.Collections.Generic.KeyValuePair.Create(HeaderName, (string?)Secret) })));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Adds_further_allowed_addresses_to_the_published_ones()
    {
        var verifier = Verifier(o => o.AdditionalAllowedAddresses.Add("203.0.113.0/24"));

        Assert.True(verifier.Verify(From("203.0.113.77", (HeaderName, Secret))).IsVerified);
        Assert.True(verifier.Verify(From(ProductionAddress, (HeaderName, Secret))).IsVerified);
    }

    [Fact]
    public void Replaces_the_published_addresses_when_asked()
    {
        var verifier = Verifier(o => { o.UsePublishedAddresses = false; o.AdditionalAllowedAddresses.Add("203.0.113.77"); });

        Assert.True(verifier.Verify(From("203.0.113.77", (HeaderName, Secret))).IsVerified);
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, verifier.Verify(From(ProductionAddress, (HeaderName, Secret))).Reason);
    }

    [Fact]
    public void Resolves_the_client_behind_a_trusted_proxy()
    {
        var verifier = Verifier(o => o.TrustedProxies.Add("10.0.0.0/8"));

        var trusted = verifier.Verify(From("10.1.2.3", (HeaderName, Secret), ("X-Forwarded-For", "198.51.100.9, " + ProductionAddress)));
        var untrusted = verifier.Verify(From("198.51.100.10", (HeaderName, Secret), ("X-Forwarded-For", ProductionAddress)));

        Assert.True(trusted.IsVerified, trusted.ToString());
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, untrusted.Reason);
    }

    [Fact]
    public void Refuses_to_switch_off_both_checks()
    {
        var exception = Assert.Throws<ArgumentException>(() => Verifier(o => { o.VerifySourceAddress = false; o.VerifyHeaderSecrets = false; }));

        Assert.Contains("every request would be accepted", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_header_checks_without_any_header()
    {
        var exception = Assert.Throws<ArgumentException>(() => Verifier(o => o.Headers.Clear()));

        Assert.Contains("VerifyHeaderSecrets", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_two_entries_for_one_header()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Verifier(o => o.Headers.Add(new SharedSecretHeaderOptions { HeaderName = HeaderName.ToLowerInvariant(), Secrets = { "other-Secret" } })));

        Assert.Contains("Headers[1]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_an_invalid_header_entry_by_its_index()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            Verifier(o => o.Headers.Add(new SharedSecretHeaderOptions { HeaderName = "X-Second", Secrets = { " padded" } })));

        Assert.Contains("SpinwheelAuthenticityOptions.Headers[1].Secrets[0]", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("padded", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_null_header_entry_an_undefined_environment_and_no_allowed_address()
    {
        Assert.Throws<ArgumentException>(() => Verifier(o => o.Headers.Add(null!)));
        Assert.Throws<ArgumentException>(() => Verifier(o => o.Environment = 0));
        Assert.Throws<ArgumentException>(() => Verifier(o => o.UsePublishedAddresses = false));
        Assert.Contains(
            "AdditionalAllowedAddresses[0]",
            Assert.Throws<ArgumentException>(() => Verifier(o => o.AdditionalAllowedAddresses.Add("1.2.3"))).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_for_null_options_or_request()
    {
        Assert.Throws<ArgumentNullException>(() => new SpinwheelAuthenticityVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => Verifier().Verify(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpinwheelAuthenticityVerifier.GetPublishedAddresses(0));
    }

    private static SpinwheelAuthenticityVerifier Verifier(Action<SpinwheelAuthenticityOptions>? configure = null)
    {
        var options = new SpinwheelAuthenticityOptions
        {
            Headers = { new SharedSecretHeaderOptions { HeaderName = HeaderName, Secrets = { Secret } } },
        };
        configure?.Invoke(options);
        return new SpinwheelAuthenticityVerifier(options);
    }
}
