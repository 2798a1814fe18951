using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>
/// Canopy as tests see it: it signs <c>data</c> with the webhook secret and puts the HMAC-SHA256 in the body's
/// <c>hmac_signature</c> (<see cref="CanopyWebhookSigner"/>); envelope <c>{ "event", "data", "hmac_signature" }</c>.
/// </summary>
public sealed class CanopyTestProfile : ProviderTestProfile
{
    /// <summary>The secret of <see cref="CanopyTestProfile()"/>; a test secret, never a real one.</summary>
    public const string TestSecret = "canopy-test-secret";

    private readonly string _secret;

    /// <summary>Creates a profile that signs with <see cref="TestSecret"/>.</summary>
    public CanopyTestProfile()
        : this(TestSecret)
    {
    }

    /// <summary>Creates a profile that signs with <paramref name="secret"/>.</summary>
    /// <param name="secret">The webhook secret the endpoint verifies with.</param>
    public CanopyTestProfile(string secret)
        : base(WebhookProvider.Canopy, "/event")
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _secret = secret;
    }

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCanopy(configure);
    }

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCanopy(options =>
        {
            options.UseSignatureSecret(_secret);
            configure?.Invoke(options);
        });
    }

    /// <inheritdoc/>
    public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body) =>
        new() { Body = CanopyWebhookSigner.Sign(body.Span, _secret) };
}
