using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Configures a <see cref="SourceAddressVerifier"/>: the addresses a provider sends from.</summary>
/// <remarks>
/// The options are read once, when the verifier is constructed; changing them afterwards has no effect on it.
/// </remarks>
public sealed class SourceAddressOptions
{
    /// <summary>
    /// Gets the allowed source addresses: single addresses (<c>203.0.113.7</c>, <c>2001:db8::1</c>) or CIDR
    /// ranges (<c>203.0.113.0/24</c>). IPv4 must be written as four decimal octets.
    /// </summary>
    public IList<string> AllowedAddresses { get; } = new List<string>();

    /// <summary>
    /// Gets the reverse proxies whose <see cref="ForwardedForHeaderName"/> header is believed, as addresses or
    /// CIDR ranges. Empty (the default) means the header is ignored and the request's own peer address is checked.
    /// </summary>
    /// <remarks>
    /// Use this only when the host does not already resolve the client address (ASP.NET Core's forwarded-headers
    /// middleware does, and then <see cref="WebhookRequest.RemoteIpAddress"/> is already the client). When the
    /// peer is one of these proxies, the header is read from right to left, skipping further trusted proxies;
    /// the first address that is not one is the client. Anyone can write the header, so the addresses to its
    /// left are never believed, and a peer that is not a trusted proxy is checked as it is.
    /// </remarks>
    public IList<string> TrustedProxies { get; } = new List<string>();

    /// <summary>Gets or sets the header a trusted proxy appends the client address to. The default is <c>X-Forwarded-For</c>.</summary>
    public string ForwardedForHeaderName { get; set; } = SourceAddressVerifier.DefaultForwardedForHeaderName;
}
