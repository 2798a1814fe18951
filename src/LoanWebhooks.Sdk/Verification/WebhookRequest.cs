using System;
using System.Net;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// An incoming webhook request as a verifier sees it: the raw body bytes, the headers and the
/// address it came from.
/// </summary>
/// <remarks>
/// The body is kept as raw bytes rather than text or JSON because signature schemes sign the exact
/// bytes on the wire; any re-encoding would break them.
/// </remarks>
public sealed class WebhookRequest
{
    /// <summary>Creates a request from what the HTTP server received.</summary>
    /// <param name="body">
    /// The request body, unmodified. It is not copied, so the caller must not change the buffer while the
    /// request is verified and parsed; otherwise the bytes that were verified would not be the bytes that
    /// are parsed.
    /// </param>
    /// <param name="headers">The request headers.</param>
    /// <param name="remoteIpAddress">
    /// The address of the peer that sent the request, or <see langword="null"/> when it is unknown. Behind a
    /// reverse proxy this should be the client address the proxy reports, resolved by the host.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public WebhookRequest(ReadOnlyMemory<byte> body, WebhookHeaders headers, IPAddress? remoteIpAddress = null)
    {
        ArgumentNullException.ThrowIfNull(headers);

        Body = body;
        Headers = headers;
        RemoteIpAddress = remoteIpAddress;
    }

    /// <summary>Gets the raw request body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request headers.</summary>
    public WebhookHeaders Headers { get; }

    /// <summary>Gets the address of the peer that sent the request, or <see langword="null"/> when it is unknown.</summary>
    public IPAddress? RemoteIpAddress { get; }
}
