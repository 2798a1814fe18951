using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Samples.MinimalApi;
using LoanWebhooks.Samples.Mvc.Controllers;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>The samples, tested the way users test their own apps: WebApplicationFactory plus the simulator.</summary>
public sealed class SampleAppTests
{
    [Fact]
    public async Task The_minimal_API_sample_accepts_every_documented_sample()
    {
        // Any public type of the app's assembly names its entry point.
        await using var factory = new WebApplicationFactory<SampleCredentials>().WithWebHostBuilder(host =>
            host.ConfigureServices(services => services.AddTransient<IStartupFilter, LoopbackPeerStartupFilter>()));
        using var receeveSigner = ReceeveWebhookSigner.FromPrivateKeyPem(SampleCredentials.SampleOnlyReceeveKey.ExportPkcs8PrivateKeyPem());
        var credentials = factory.Services.GetRequiredService<IConfiguration>().GetSection("Webhooks").Get<SampleCredentials>()!;
        var simulator = new WebhookSimulator(factory.CreateClient())
            .UseBasicAuthentication(WebhookProvider.Payitoff, credentials.PayitoffUserName, credentials.PayitoffPassword)
            .UseCanopySecret(credentials.CanopySecret)
            .UseHeader(WebhookProvider.Spinwheel, SampleCredentials.SpinwheelHeader, credentials.SpinwheelSecret)
            .UseForwardedFor(WebhookProvider.Spinwheel, WebhookTestApp.SpinwheelAddress)
            .UseReceeveSigner(receeveSigner);

        var results = await simulator.SendAllAsync(DocumentedSamples.All);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task The_MVC_sample_accepts_Payitoff_and_Canopy_and_refuses_forgeries()
    {
        await using var factory = new WebApplicationFactory<WebhooksController>();
        var client = factory.CreateClient();
        var simulator = new WebhookSimulator(client)
            .UseBasicAuthentication(WebhookProvider.Payitoff, "payitoff-sample", "sample-only-payitoff-password")
            .UseCanopySecret("sample-only-canopy-secret");

        var payitoff = await simulator.SendAllAsync(DocumentedSamples.For(WebhookProvider.Payitoff));
        var canopy = await simulator.SendAllAsync(DocumentedSamples.For(WebhookProvider.Canopy));
        var forged = await new WebhookSimulator(client).SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));
        var receeve = await simulator.SendAsync(DocumentedSamples.For(WebhookProvider.Receeve)[0]);

        Assert.All(payitoff, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(canopy, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, receeve.StatusCode);
    }

    [Fact]
    public async Task The_MVC_sample_answers_a_drifted_delivery_503_with_the_value_free_parse_error()
    {
        await using var factory = new WebApplicationFactory<WebhooksController>();
        var simulator = new WebhookSimulator(factory.CreateClient())
            .UseBasicAuthentication(WebhookProvider.Payitoff, "payitoff-sample", "sample-only-payitoff-password");

        var result = await simulator.SendAsync(WebhookProvider.Payitoff, Encoding.UTF8.GetBytes("""{ "event_type": "loan.paid_off", "data": 42 }"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.StartsWith("SchemaMismatch: ", result.ResponseText, StringComparison.Ordinal);
        Assert.DoesNotContain("42", result.ResponseText, StringComparison.Ordinal);
    }

    /// <summary>TestServer has no peer address; the sample trusts a proxy on loopback, so requests come "through" one.</summary>
    private sealed class LoopbackPeerStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
