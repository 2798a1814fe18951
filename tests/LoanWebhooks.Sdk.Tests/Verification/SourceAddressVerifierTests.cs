using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class SourceAddressVerifierTests
{
    private const string Allowed = "44.232.30.137";
    private const string Proxy = "10.0.0.5";

    [Theory]
    [InlineData("44.232.30.137")]
    [InlineData("::ffff:44.232.30.137")]
    [InlineData("203.0.113.0")]
    [InlineData("203.0.113.255")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:0:ffff::7")]
    public void Accepts_an_address_in_the_allowed_list_or_ranges(string address)
    {
        var result = Verifier().Verify(From(address));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("44.232.30.138")]
    [InlineData("203.0.114.0")]
    [InlineData("::ffff:44.232.30.138")]
    [InlineData("2001:db9::1")]
    [InlineData("::1")]
    public void Rejects_an_address_outside_the_allowed_list_and_ranges(string address)
    {
        var result = Verifier().Verify(From(address));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Rejects_a_request_whose_address_is_unknown()
    {
        var result = Verifier().Verify(new WebhookRequest(ReadOnlyMemory<byte>.Empty, WebhookHeaders.Empty));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Ignores_forwarded_headers_when_no_proxy_is_trusted()
    {
        var result = Verifier().Verify(From(Proxy, ("X-Forwarded-For", Allowed)));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Ignores_forwarded_headers_from_a_peer_that_is_not_a_trusted_proxy()
    {
        var result = Verifier(trustProxy: true).Verify(From("198.51.100.9", ("X-Forwarded-For", Allowed)));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Theory]
    [InlineData("44.232.30.137")]
    [InlineData(" 44.232.30.137 ")]
    [InlineData("198.51.100.9, 44.232.30.137")]
    [InlineData("198.51.100.9,44.232.30.137, 10.0.0.7")]
    [InlineData("44.232.30.137:50123")]
    [InlineData("::ffff:44.232.30.137")]
    [InlineData("[2001:db8::1]:443")]
    [InlineData("[2001:db8::1]")]
    public void Takes_the_right_most_address_that_is_not_a_trusted_proxy_from_a_trusted_proxy(string forwardedFor)
    {
        var result = Verifier(trustProxy: true).Verify(From(Proxy, ("X-Forwarded-For", forwardedFor)));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Theory]
    [InlineData("44.232.30.137, 198.51.100.9")]
    [InlineData("44.232.30.137, 198.51.100.9, 10.0.0.7")]
    public void Does_not_believe_addresses_left_of_the_first_untrusted_one(string forwardedFor)
    {
        var result = Verifier(trustProxy: true).Verify(From(Proxy, ("X-Forwarded-For", forwardedFor)));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Checks_the_left_most_address_when_every_hop_is_a_trusted_proxy()
    {
        var result = Verifier(trustProxy: true).Verify(From(Proxy, ("X-Forwarded-For", "10.0.0.8, 10.0.0.7")));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("44.232.30.137,")]
    [InlineData("44.232.30")]
    [InlineData("0x2c.232.30.137")]
    [InlineData("044.232.30.137")]
    [InlineData("44.232.30.137:port")]
    [InlineData("[2001:db8::1")]
    [InlineData("44.232.30.137:")]
    [InlineData("44.232.30.137:1234567")]
    [InlineData("[2001:db8::1]x1")]
    public void Rejects_a_forwarded_header_it_cannot_read(string forwardedFor)
    {
        var result = Verifier(trustProxy: true).Verify(From(Proxy, ("X-Forwarded-For", forwardedFor)));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Rejects_a_request_from_a_trusted_proxy_without_a_forwarded_header()
    {
        var result = Verifier(trustProxy: true).Verify(From(Proxy));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Rejects_several_forwarded_headers_with_different_values()
    {
        var result = Verifier(trustProxy: true).Verify(From(Proxy, ("X-Forwarded-For", "198.51.100.9"), ("X-Forwarded-For", Allowed)));

        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, result.Reason);
    }

    [Fact]
    public void Reads_a_configured_forwarded_header_name()
    {
        var options = Options(trustProxy: true);
        options.ForwardedForHeaderName = "X-Real-Client";

        var result = new SourceAddressVerifier(options).Verify(From(Proxy, ("X-Real-Client", Allowed), ("X-Forwarded-For", "198.51.100.9")));

        Assert.True(result.IsVerified, result.ToString());
    }

    [Fact]
    public void Rejects_options_without_any_allowed_address()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SourceAddressVerifier(new SourceAddressOptions()));

        Assert.Contains("allows no source address", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("44.232.30")]
    [InlineData("44.232.30.256")]
    [InlineData("010.0.0.1")]
    [InlineData("203.0.113.7/24")]
    [InlineData("203.0.113.0/33")]
    [InlineData("::ffff:203.0.113.0/120")]
    [InlineData("example.com")]
    public void Rejects_an_allowed_entry_that_is_not_an_address_or_range(string entry)
    {
        var options = new SourceAddressOptions { AllowedAddresses = { Allowed, entry } };

        var exception = Assert.Throws<ArgumentException>(() => new SourceAddressVerifier(options));

        Assert.Contains("SourceAddressOptions.AllowedAddresses[1]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_an_invalid_trusted_proxy_entry_and_forwarded_header_name()
    {
        var proxy = new SourceAddressOptions { AllowedAddresses = { Allowed }, TrustedProxies = { "proxy.local" } };
        var header = new SourceAddressOptions { AllowedAddresses = { Allowed }, TrustedProxies = { Proxy }, ForwardedForHeaderName = "X Forwarded" };

        Assert.Contains("TrustedProxies[0]", Assert.Throws<ArgumentException>(() => new SourceAddressVerifier(proxy)).Message, StringComparison.Ordinal);
        Assert.Contains("ForwardedForHeaderName", Assert.Throws<ArgumentException>(() => new SourceAddressVerifier(header)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Throws_for_null_options_or_request()
    {
        Assert.Throws<ArgumentNullException>(() => new SourceAddressVerifier(null!));
        Assert.Throws<ArgumentNullException>(() => Verifier().Verify(null!));
    }

    internal static WebhookRequest From(string address, params (string Name, string? Value)[] headers) =>
        new(
            ReadOnlyMemory<byte>.Empty,
            new WebhookHeaders(headers.Select(h => KeyValuePair.Create(h.Name, h.Value))),
            IPAddress.Parse(address));

    private static SourceAddressOptions Options(bool trustProxy)
    {
        var options = new SourceAddressOptions { AllowedAddresses = { Allowed, "203.0.113.0/24", "2001:db8::/32" } };
        if (trustProxy)
        {
            options.TrustedProxies.Add(Proxy);
            options.TrustedProxies.Add("10.0.0.6/31");
        }

        return options;
    }

    private static SourceAddressVerifier Verifier(bool trustProxy = false) => new(Options(trustProxy));
}
