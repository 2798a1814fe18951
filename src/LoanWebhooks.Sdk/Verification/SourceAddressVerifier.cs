using System;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Verifies that a request comes from one of the configured source addresses, optionally resolving the client
/// address behind trusted reverse proxies.
/// </summary>
/// <remarks>
/// An address check proves only where a packet came from, which is strong over the internet but shared by
/// everything else running at that address (for a cloud provider, possibly other tenants). Combine it with a
/// secret where the provider offers one, with <see cref="CompositeWebhookVerifier"/>. IPv4-mapped IPv6
/// addresses (<c>::ffff:203.0.113.7</c>), which dual-stack servers report, are compared as IPv4.
/// </remarks>
public sealed class SourceAddressVerifier : IWebhookVerifier
{
    internal const string DefaultForwardedForHeaderName = "X-Forwarded-For";

    private readonly IPNetwork[] _allowed;
    private readonly IPNetwork[] _trustedProxies;
    private readonly string _forwardedForHeaderName;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The allowed addresses and trusted proxies.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// There is no allowed address, an entry is not an address or CIDR range, or the forwarded header name is not a
    /// valid HTTP header name.
    /// </exception>
    public SourceAddressVerifier(SourceAddressOptions options)
        : this(
            IPAddressRanges.Parse(Validated(options).AllowedAddresses, $"{nameof(SourceAddressOptions)}.{nameof(SourceAddressOptions.AllowedAddresses)}"),
            IPAddressRanges.Parse(options.TrustedProxies, $"{nameof(SourceAddressOptions)}.{nameof(SourceAddressOptions.TrustedProxies)}"),
            options.ForwardedForHeaderName,
            nameof(SourceAddressOptions))
    {
    }

    internal SourceAddressVerifier(IPNetwork[] allowed, IPNetwork[] trustedProxies, string forwardedForHeaderName, string optionsPath)
    {
        // With nothing allowed every request would fail: that is a configuration mistake, not a policy.
        if (allowed.Length == 0)
        {
            throw OptionsErrors.Invalid($"{optionsPath} allows no source address; add at least one.");
        }

        if (trustedProxies.Length > 0 && (string.IsNullOrEmpty(forwardedForHeaderName) || !HeaderSyntax.IsToken(forwardedForHeaderName)))
        {
            throw OptionsErrors.Invalid($"{optionsPath}.ForwardedForHeaderName is not a valid HTTP header name; use letters, digits and '-'.");
        }

        _allowed = allowed;
        _trustedProxies = trustedProxies;
        _forwardedForHeaderName = forwardedForHeaderName;
    }

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (request.RemoteIpAddress is null)
        {
            return Failed("The request's source address is unknown, so it cannot be checked.");
        }

        IPAddress client = IPAddressRanges.Normalize(request.RemoteIpAddress);
        // Stryker disable once Equality : equivalent. An empty list contains no address, so the length test only saves the call.
        if (_trustedProxies.Length > 0 && IPAddressRanges.Contains(_trustedProxies, client))
        {
            switch (request.Headers.FindSingleValue(_forwardedForHeaderName, out string forwarded))
            {
                case WebhookHeaderLookup.Missing:
                    return Failed($"The request came through a trusted proxy that sent no {_forwardedForHeaderName} header.");
                case WebhookHeaderLookup.Ambiguous:
                    return Failed($"The request has several {_forwardedForHeaderName} headers with different values.");
            }

            if (!TryResolveClient(forwarded, out client))
            {
                return Failed($"The {_forwardedForHeaderName} header is not a comma-separated list of IP addresses.");
            }
        }

        return IPAddressRanges.Contains(_allowed, client)
            ? WebhookVerificationResult.Verified
            : Failed($"The request came from {client}, which is not an allowed source address.");
    }

    private static SourceAddressOptions Validated(SourceAddressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options;
    }

    private static WebhookVerificationResult Failed(string detail) =>
        WebhookVerificationResult.Failed(WebhookVerificationFailureReason.SourceAddressNotAllowed, detail);

    // Each proxy appends the address it received from, so the right-most entries are the trustworthy ones.
    private bool TryResolveClient(string header, out IPAddress client)
    {
        client = IPAddress.None;
        ReadOnlySpan<char> remaining = header;
        while (true)
        {
            int comma = remaining.LastIndexOf(',');
            if (!TryParseEntry(remaining[(comma + 1)..], out IPAddress? entry))
            {
                return false;
            }

            client = entry;
            if (comma < 0 || !IPAddressRanges.Contains(_trustedProxies, entry))
            {
                return true;
            }

            remaining = remaining[..comma];
        }
    }

    // An entry is an address, optionally with a port: 203.0.113.7, 203.0.113.7:443, 2001:db8::1, [2001:db8::1]:443.
    private static bool TryParseEntry(ReadOnlySpan<char> entry, [NotNullWhen(true)] out IPAddress? address)
    {
        entry = HeaderSyntax.TrimWhitespace(entry);
        if (entry.StartsWith("["))
        {
            int close = entry.IndexOf(']');
            // Stryker disable once Equality : equivalent. The entry starts with '[', so ']' is never at index 0.
            ReadOnlySpan<char> rest = close < 0 ? default : entry[(close + 1)..];
            // Stryker disable once Equality : equivalent. The entry starts with '[', so ']' is never at index 0.
            if (close < 0 || !(rest.IsEmpty || IsPort(rest)))
            {
                address = null;
                return false;
            }

            entry = entry[1..close];
        }
        else
        {
            int colon = entry.IndexOf(':');
            // Stryker disable once Equality : equivalent. With a colon at index 0 the address is empty or not IPv6 either way, so both readings refuse it.
            if (colon >= 0 && colon == entry.LastIndexOf(':') && IsPort(entry[colon..]))
            {
                entry = entry[..colon];
            }
        }

        return IPAddressRanges.TryParseAddress(entry, out address);
    }

    private static bool IsPort(ReadOnlySpan<char> text) =>
        text.Length is > 1 and <= 6 && text[0] == ':' && !text[1..].ContainsAnyExceptInRange('0', '9');
}
