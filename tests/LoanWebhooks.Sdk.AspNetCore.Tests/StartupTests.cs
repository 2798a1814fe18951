using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>Misconfiguration stops the app before it serves a single request.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task An_app_with_a_provider_that_nothing_verifies_does_not_start()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestApp.StartAsync(providers: b => b.AddCanopy(_ => { })));

        Assert.Contains("Canopy webhooks are enabled but nothing verifies them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_runs_on_start_even_when_no_endpoint_is_mapped()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => WebhookTestApp.StartAsync(providers: b => b.AddReceeve(_ => { }), map: _ => { }));

        Assert.Contains("Receeve webhooks are enabled but nothing verifies them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unverified_requests_are_refused_in_Production()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestApp.StartAsync(
            environment: "Production",
            providers: b => b.AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly())));

        Assert.Contains("verification is switched off for Payitoff", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unverified_requests_are_accepted_in_Development()
    {
        await using var app = await WebhookTestApp.StartAsync(providers: b => b.AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly()));

        var result = await new Testing.Simulation.WebhookSimulator(app.Client).SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));

        Assert.Equal(System.Net.HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task A_pattern_without_a_provider_parameter_is_refused()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => WebhookTestApp.StartAsync(map: a => a.MapLoanWebhooks("/webhooks")));

        Assert.Contains("has no {provider} parameter", e.Message, StringComparison.Ordinal);
    }
}
