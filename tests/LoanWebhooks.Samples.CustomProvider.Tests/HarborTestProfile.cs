using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LoanWebhooks.Samples.CustomProvider.Harbor;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Samples.CustomProvider.Tests;

/// <summary>
/// Harbor as the SDK's simulator sees it: a test profile written in the user's own tests, from the public surface of
/// LoanWebhooks.Sdk.Testing only — the same thing the built-in providers have.
/// </summary>
public sealed class HarborTestProfile : ProviderTestProfile
{
    private readonly string _secret;

    public HarborTestProfile(string secret = HarborDeliveries.Secret)
        : base(HarborWebhooks.Provider, eventTypePointer: "/type")
    {
        _secret = secret;
    }

    /// <summary>One delivery of each Harbor event, as Harbor would send it.</summary>
    public override IReadOnlyList<DocumentedSample> Samples { get; } =
    [
        new(HarborWebhooks.Provider, "loan.funded", HarborDeliveries.LoanFunded("evt_sim_1", "ln_sim_1", "9100.25")),
        new(HarborWebhooks.Provider, "payment.posted", """{"id":"evt_sim_2","type":"payment.posted","data":{"loan_id":"ln_sim_1","amount":412.5,"posted_on":"2026-11-20"}}"""),
    ];

    public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) =>
        builder.AddHarbor(configure);

    public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null) =>
        builder.AddHarbor(o =>
        {
            o.UseSigningSecret(_secret);
            configure?.Invoke(o);
        });

    public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body)
    {
        string hex = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), body.Span)).ToLower(CultureInfo.InvariantCulture);
        return new AuthenticatedWebhookRequest
        {
            Body = body.ToArray(),
            Headers = [new(HarborWebhookOptions.SignatureHeader, HarborWebhookOptions.SignaturePrefix + hex)],
        };
    }
}
