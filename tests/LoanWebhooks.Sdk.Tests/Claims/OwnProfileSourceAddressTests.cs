using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Simulation;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Claims;

/// <summary>
/// "Override <c>SourceAddress</c> when your verifier checks where requests come from": a profile of your own that
/// names the address its platform sends from is sent from there — in <c>X-Forwarded-For</c> by the simulator, as the
/// delivery's remote address without a host — and so passes the address check it configures.
/// </summary>
public sealed class OwnProfileSourceAddressTests
{
    private static readonly IPAddress PlatformAddress = IPAddress.Parse("203.0.113.9");

    [Fact]
    public void The_simulator_forwards_the_source_address_of_a_profile_of_your_own()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://localhost") };
        var profile = new AllowlistedProfile();

        using var request = new WebhookSimulator(client).UseProfile(profile).CreateRequest(profile.Samples[0]);

        Assert.Equal(PlatformAddress.ToString(), Assert.Single(request.Headers.GetValues("X-Forwarded-For")));
    }

    [Fact]
    public async Task A_delivery_a_profile_of_your_own_creates_comes_from_its_source_address_and_passes_the_address_check()
    {
        var profile = new AllowlistedProfile();
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => profile.AddVerifiedProvider(b).AddHandler<AcceptingHandler, WebhookEvent>());
        await using var provider = services.BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<IWebhookDispatcher>();
        var delivery = profile.CreateDelivery(profile.Samples[0]);

        var fromThePlatform = await dispatcher.DispatchAsync(delivery);
        var fromElsewhere = await dispatcher.DispatchAsync(new WebhookDelivery(delivery.Provider, delivery.Body, delivery.Headers, IPAddress.Parse("198.51.100.1")));

        Assert.Equal(PlatformAddress, delivery.RemoteIpAddress);
        Assert.Equal(WebhookDispatchOutcome.Accepted, fromThePlatform.Outcome);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, fromElsewhere.RejectionReason);
    }

    /// <summary>Payitoff's samples, as sent by a platform that is verified only by the address it sends from.</summary>
    private sealed class AllowlistedProfile() : ProviderTestProfile(WebhookProvider.Payitoff, "/event_type")
    {
        public override IPAddress? SourceAddress => PlatformAddress;

        public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddPayitoff(configure);

        public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null) =>
            builder.AddPayitoff(o =>
            {
                o.Verifier = new SourceAddressVerifier(new SourceAddressOptions { AllowedAddresses = { PlatformAddress.ToString() } });
                configure?.Invoke(o);
            });

        public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body) => new() { Body = body.ToArray() };
    }

    private sealed class AcceptingHandler : IWebhookHandler<WebhookEvent>
    {
        public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, System.Threading.CancellationToken cancellationToken) => default;
    }
}
