using System;
using System.Net;
using System.Threading.Tasks;
using LoanWebhooks.Samples.MinimalApi;
using LoanWebhooks.Samples.Mvc.Controllers;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Simulation;
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
        await using var factory = new WebApplicationFactory<SampleCredentials>();
        var credentials = factory.Services.GetRequiredService<IConfiguration>().GetSection("Webhooks").Get<SampleCredentials>()!;
        var simulator = new WebhookSimulator(factory.CreateClient())
            .UseBasicAuthentication(WebhookProvider.Payitoff, credentials.PayitoffUserName, credentials.PayitoffPassword)
            .UseHeader(WebhookProvider.Canopy, "X-Canopy-Secret", credentials.CanopySecret)
            .UseHeader(WebhookProvider.Spinwheel, SampleCredentials.SpinwheelHeader, credentials.SpinwheelSecret)
            .UseHeader(WebhookProvider.Receeve, "X-Receeve-Secret", credentials.ReceeveSecret);

        var results = await simulator.SendAllAsync(DocumentedSamples.All);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task The_MVC_sample_accepts_Payitoff_and_Spinwheel_and_refuses_forgeries()
    {
        await using var factory = new WebApplicationFactory<WebhooksController>();
        var client = factory.CreateClient();
        var simulator = new WebhookSimulator(client)
            .UseBasicAuthentication(WebhookProvider.Payitoff, "payitoff-sample", "sample-only-payitoff-password")
            .UseHeader(WebhookProvider.Spinwheel, "X-Spinwheel-Secret", "sample-only-spinwheel-secret");

        var payitoff = await simulator.SendAllAsync(DocumentedSamples.For(WebhookProvider.Payitoff));
        var spinwheel = await simulator.SendAllAsync(DocumentedSamples.For(WebhookProvider.Spinwheel));
        var forged = await new WebhookSimulator(client).SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));
        var canopy = await simulator.SendAsync(DocumentedSamples.For(WebhookProvider.Canopy)[0]);

        Assert.All(payitoff, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(spinwheel, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, canopy.StatusCode);
    }
}
