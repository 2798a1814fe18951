using System;
using System.Net;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>One webhook request as the dispatcher receives it: which provider it claims to be from, and what arrived.</summary>
public sealed class WebhookDelivery
{
    /// <summary>Creates a delivery from what the HTTP server received.</summary>
    /// <param name="provider">The provider the endpoint belongs to (from the route, never from the body).</param>
    /// <param name="body">
    /// The raw body, unmodified. It is not copied: the caller must not change the buffer until the delivery is processed.
    /// </param>
    /// <param name="headers">The request headers.</param>
    /// <param name="remoteIpAddress">The address of the peer (after any trusted proxy), or <see langword="null"/> when unknown.</param>
    /// <param name="expectedEventType">
    /// The event type the endpoint was subscribed to, when the URL says so (Spinwheel subscribes one URL per event name);
    /// used when the body has no discriminator, and checked against it when it has one.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not defined, or <paramref name="expectedEventType"/> is empty.</exception>
    public WebhookDelivery(
        WebhookProvider provider,
        ReadOnlyMemory<byte> body,
        WebhookHeaders headers,
        IPAddress? remoteIpAddress = null,
        string? expectedEventType = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (provider == default)
        {
            throw new ArgumentException("default(WebhookProvider) names no provider.", nameof(provider));
        }

        if (expectedEventType is not null && string.IsNullOrWhiteSpace(expectedEventType))
        {
            throw new ArgumentException("The expected event type must be null or a non-empty event type.", nameof(expectedEventType));
        }

        Provider = provider;
        Body = body;
        Headers = headers;
        RemoteIpAddress = remoteIpAddress;
        ExpectedEventType = expectedEventType;
    }

    /// <summary>
    /// A delivery whose freshly read body array the parsed event keeps as its <see cref="WebhookEvent.RawJson"/>
    /// instead of a copy, saving a copy of every body. The caller must never change or reuse the array, so it must not
    /// come from a pool; the ASP.NET Core endpoint uses this for the array it reads each request into.
    /// </summary>
    /// <param name="provider">The provider the endpoint belongs to (from the route, never from the body).</param>
    /// <param name="body">The raw body, unmodified, handed over.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="remoteIpAddress">The address of the peer (after any trusted proxy), or <see langword="null"/> when unknown.</param>
    /// <param name="expectedEventType">As for the constructor.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> or <paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is not defined, or <paramref name="expectedEventType"/> is empty.</exception>
    public static WebhookDelivery FromOwnedBody(WebhookProvider provider, byte[] body, WebhookHeaders headers, IPAddress? remoteIpAddress = null, string? expectedEventType = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new WebhookDelivery(provider, body, headers, remoteIpAddress, expectedEventType) { OwnedBody = body };
    }

    /// <summary>The provider the endpoint belongs to.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The raw request body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The request headers.</summary>
    public WebhookHeaders Headers { get; }

    /// <summary>The address of the peer, or <see langword="null"/> when unknown.</summary>
    public IPAddress? RemoteIpAddress { get; }

    /// <summary>The event type the endpoint was subscribed to, if the URL says so.</summary>
    public string? ExpectedEventType { get; }

    /// <summary>The body array, when it was handed over with <see cref="FromOwnedBody"/>.</summary>
    internal byte[]? OwnedBody { get; private init; }

    /// <summary>Prints the provider and body size only: headers carry credentials and the body personal data.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Provider} delivery of {Body.Length} bytes";
}
