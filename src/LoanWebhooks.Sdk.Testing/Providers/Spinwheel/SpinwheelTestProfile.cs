using System;
using System.Net;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>
/// Spinwheel as tests see it: it posts to one URL per event type, from one of its published addresses, with the
/// secret header configured on the subscription; flat payloads discriminated by <c>eventType</c>.
/// </summary>
public sealed class SpinwheelTestProfile : ProviderTestProfile
{
    /// <summary>The header of <see cref="SpinwheelTestProfile()"/>.</summary>
    public const string TestHeaderName = "X-Spinwheel-Secret";

    /// <summary>The secret of <see cref="SpinwheelTestProfile()"/>; a test secret, never a real one.</summary>
    public const string TestSecret = "spinwheel-test-secret";

    /// <summary>Spinwheel's path: it subscribes one URL per event type.</summary>
    public const string EventTypePathTemplate = "/webhooks/spinwheel/{eventType}";

    private readonly string _headerName;
    private readonly string _secret;
    private readonly IPAddress _sourceAddress;
    private readonly bool _sourceAddressIsPublished;

    /// <summary>Creates a profile that sends <see cref="TestSecret"/> in <see cref="TestHeaderName"/> from Spinwheel's first published Production address.</summary>
    public SpinwheelTestProfile()
        : this(TestHeaderName, TestSecret)
    {
    }

    /// <summary>Creates a profile that sends <paramref name="secret"/> in <paramref name="headerName"/>.</summary>
    /// <param name="headerName">The header configured on the subscription.</param>
    /// <param name="secret">Its value.</param>
    /// <param name="sourceAddress">The address requests come from; Spinwheel's first published Production address when null.</param>
    public SpinwheelTestProfile(string headerName, string secret, IPAddress? sourceAddress = null)
        : base(WebhookProvider.Spinwheel, "/eventType")
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _headerName = headerName;
        _secret = secret;
        _sourceAddressIsPublished = sourceAddress is null;
        _sourceAddress = sourceAddress ?? SpinwheelAuthenticityVerifier.GetPublishedAddresses(SpinwheelEnvironment.Production)[0];
    }

    /// <inheritdoc/>
    public override string PathTemplate => EventTypePathTemplate;

    /// <inheritdoc/>
    public override IPAddress SourceAddress => _sourceAddress;

    /// <inheritdoc/>
    public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSpinwheel(configure);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Besides the header, the endpoint trusts this machine's loopback addresses as a proxy, so the source address the
    /// simulator forwards in <c>X-Forwarded-For</c> is the one checked, as behind a real proxy; a source address given
    /// to the constructor is allowed besides Spinwheel's published ones.
    /// </remarks>
    public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSpinwheel(options =>
        {
            options.UseSharedSecretHeader(_headerName, _secret);
            if (!_sourceAddressIsPublished)
            {
                options.Authenticity.AdditionalAllowedAddresses.Add(_sourceAddress.ToString());
            }

            options.Authenticity.TrustedProxies.Add(IPAddress.Loopback.ToString());
            options.Authenticity.TrustedProxies.Add(IPAddress.IPv6Loopback.ToString());
            configure?.Invoke(options);
        });
    }

    /// <inheritdoc/>
    public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body) => new()
    {
        Body = body.ToArray(),
        Headers = [new(_headerName, _secret)],
    };
}
