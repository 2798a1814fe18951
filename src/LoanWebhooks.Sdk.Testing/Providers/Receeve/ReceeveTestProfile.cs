using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>
/// receeve as tests see it: it sets <c>payloadAsString</c> to the compact text of <c>payload</c> and <c>signature</c>
/// to its signature by receeve's private key (<see cref="ReceeveWebhookSigner"/>); the endpoint holds the public key.
/// Envelope <c>{ "payload": { "details": { "messageType" } }, "payloadAsString", "signature" }</c>.
/// </summary>
public sealed class ReceeveTestProfile : ProviderTestProfile
{
    private readonly ReceeveWebhookSigner _signer;
    private readonly TimeProvider? _timestampClock;

    /// <summary>Creates a profile that signs with <paramref name="signer"/>'s private key.</summary>
    /// <param name="signer">The signer; not disposed by the profile, and used as long as the profile is.</param>
    /// <param name="timestampClock">
    /// When set, <c>payload.timestamp</c> is first re-dated to this clock's now, for endpoints with a timestamp window
    /// (the documented samples date from 2020–2022). When null, bodies keep their timestamps.
    /// </param>
    public ReceeveTestProfile(ReceeveWebhookSigner signer, TimeProvider? timestampClock = null)
        : base(WebhookProvider.Receeve, "/payload/details/messageType")
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        _timestampClock = timestampClock;
    }

    /// <summary>Gets the public key the endpoint verifies with, as PEM.</summary>
    public string PublicKeyPem => _signer.PublicKeyPem;

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddReceeve(configure);
    }

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddReceeve(options =>
        {
            options.UsePublicKey(_signer.PublicKeyPem);
            configure?.Invoke(options);
        });
    }

    /// <inheritdoc/>
    public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body) =>
        new() { Body = _signer.Sign(body.Span, _timestampClock?.GetUtcNow()) };
}
