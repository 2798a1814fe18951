using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Parses and matches the address lists of source-address checks: single addresses and CIDR ranges.</summary>
internal static class IPAddressRanges
{
    /// <summary>Parses every entry of a configured list.</summary>
    /// <param name="entries">Addresses (<c>203.0.113.7</c>, <c>2001:db8::1</c>) or CIDR ranges (<c>203.0.113.0/24</c>).</param>
    /// <param name="propertyPath">How the list is named in messages.</param>
    /// <exception cref="ArgumentException">An entry is null or not an address or range; the message names it by index.</exception>
    public static IPNetwork[] Parse(IList<string> entries, string propertyPath)
    {
        var ranges = new IPNetwork[entries.Count];
        for (int i = 0; i < ranges.Length; i++)
        {
            if (!TryParseRange(entries[i], out ranges[i]))
            {
                throw OptionsErrors.Invalid(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{propertyPath}[{i}] is not an IP address or CIDR range such as 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32 (a range must have no bits set after its prefix)."));
            }
        }

        return ranges;
    }

    /// <summary>Parses <c>address</c> or <c>address/prefix</c>, with IPv4 in strict dotted-quad form.</summary>
    public static bool TryParseRange(string? text, out IPNetwork range)
    {
        range = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        ReadOnlySpan<char> value = text.AsSpan().Trim();
        int slash = value.IndexOf('/');
        // Stryker disable once Equality : equivalent. A '/' at index 0 leaves an empty address, which both branches refuse.
        if (slash < 0)
        {
            if (!TryParseAddress(value, out IPAddress? address))
            {
                return false;
            }

            range = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        // An IPv4-mapped range (::ffff:203.0.113.0/120) could never match: addresses are compared as IPv4.
        // A range with host bits set (203.0.113.7/24) is usually a typo; runtimes differ on whether
        // IPNetwork rejects or masks it, so it is refused here.
        ReadOnlySpan<char> prefix = value[..slash];
        return TryParseAddress(prefix, out IPAddress? network)
            && !(network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && prefix.Contains(':'))
            && IPNetwork.TryParse(value, out range)
            && range.BaseAddress.Equals(network);
    }

    /// <summary>
    /// Parses one address: IPv4 only as four decimal octets without leading zeros (the permissive forms such as
    /// <c>0x7f.1</c> or <c>010.0.0.1</c>, octal, would name another address than they appear to), or IPv6.
    /// IPv4-mapped IPv6 addresses are returned as IPv4.
    /// </summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Contains(':'))
        {
            if (!IPAddress.TryParse(text, out IPAddress? parsed) || parsed.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            address = Normalize(parsed);
            return true;
        }

        return IsDottedQuad(text) && IPAddress.TryParse(text, out address);
    }

    /// <summary>Returns IPv4 for an IPv4-mapped IPv6 address (<c>::ffff:203.0.113.7</c>), as dual-stack sockets report them.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Tells whether any range contains <paramref name="address"/> (which must be normalised).</summary>
    public static bool Contains(IPNetwork[] ranges, IPAddress address)
    {
        foreach (IPNetwork range in ranges)
        {
            if (range.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        Span<Range> parts = stackalloc Range[5];
        if (text.Split(parts, '.') != 4)
        {
            return false;
        }

        foreach (Range part in parts[..4])
        {
            ReadOnlySpan<char> octet = text[part];
            if (octet.Length is 0 or > 3
                || (octet.Length > 1 && octet[0] == '0')
                || !int.TryParse(octet, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                || value > 255)
            {
                return false;
            }
        }

        return true;
    }
}
