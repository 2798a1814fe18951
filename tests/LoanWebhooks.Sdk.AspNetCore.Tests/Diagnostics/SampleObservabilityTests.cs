using System.Net;
using System.Threading.Tasks;
using LoanWebhooks.Samples.MinimalApi;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests.Diagnostics;

/// <summary>The minimal-API sample's health endpoint and OpenTelemetry wiring.</summary>
public sealed class SampleObservabilityTests
{
    [Fact]
    public async Task The_minimal_API_samples_health_endpoint_is_healthy()
    {
        await using var factory = new WebApplicationFactory<SampleCredentials>();

        var response = await factory.CreateClient().GetAsync(new System.Uri("/health", System.UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_minimal_API_sample_registers_OpenTelemetry_tracing_and_metrics()
    {
        await using var factory = new WebApplicationFactory<SampleCredentials>();

        Assert.NotNull(factory.Services.GetService<TracerProvider>());
        Assert.NotNull(factory.Services.GetService<MeterProvider>());
    }
}
