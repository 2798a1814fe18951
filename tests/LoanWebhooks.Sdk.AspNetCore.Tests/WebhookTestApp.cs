using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>
/// A real ASP.NET Core app, on a TestServer or on Kestrel at a loopback port, with all four providers configured and a
/// recording handler, mapped with <c>MapLoanWebhooks</c>; its simulator carries the matching credentials.
/// </summary>
public sealed class WebhookTestApp : IAsyncDisposable
{
    // The built-in test profiles' credentials, for tests that send wrong ones next to them.
    public const string PayitoffUser = PayitoffTestProfile.TestUserName;
    public const string PayitoffPassword = PayitoffTestProfile.TestPassword;
    public const string CanopySecret = CanopyTestProfile.TestSecret;
    public const string SpinwheelHeader = SpinwheelTestProfile.TestHeaderName;
    public const string SpinwheelSecret = SpinwheelTestProfile.TestSecret;

    /// <summary>A Spinwheel Production address, forwarded by the loopback "proxy" every test request comes through.</summary>
    public static readonly IPAddress SpinwheelAddress = ProviderTestProfiles.For(WebhookProvider.Spinwheel).SourceAddress!;

    private WebhookTestApp(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public DeliveredEvents Delivered => App.Services.GetRequiredService<DeliveredEvents>();

    public HandlerBehaviour Behaviour => App.Services.GetRequiredService<HandlerBehaviour>();

    /// <summary>What <see cref="RecordingDriftHandler"/> received, when a test registered it.</summary>
    public DriftedDeliveries Drifted => App.Services.GetRequiredService<DriftedDeliveries>();

    /// <summary>The SDK's log events: which outcome and reason stand behind a status.</summary>
    public RecordedLog Log => App.Services.GetRequiredService<RecordedLog>();

    /// <summary>The quarantine the dispatcher keeps drifted deliveries in, and their replay.</summary>
    public IWebhookQuarantine Quarantine => App.Services.GetRequiredService<IWebhookQuarantine>();

    /// <summary>A simulator with every provider's correct credentials: the built-in test profiles.</summary>
    public WebhookSimulator Simulator() => new WebhookSimulator(Client).UseProfiles(ProviderTestProfiles.All);

    /// <summary>Starts an app.</summary>
    /// <param name="configure">Adds to the webhook registration (handlers, background processing…).</param>
    /// <param name="host">Changes the host before it is built.</param>
    /// <param name="environment">The hosting environment.</param>
    /// <param name="providers">Enables providers; all four with the test credentials when null.</param>
    /// <param name="map">Maps the endpoints; <c>MapLoanWebhooks("/webhooks/{provider}")</c> when null.</param>
    /// <param name="kestrel">Serves real HTTP on a free loopback port instead of an in-memory TestServer.</param>
    public static async Task<WebhookTestApp> StartAsync(
        Action<LoanWebhooksBuilder>? configure = null,
        Action<WebApplicationBuilder>? host = null,
        string environment = "Development",
        Action<LoanWebhooksBuilder>? providers = null,
        Action<WebApplication>? map = null,
        bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var log = new RecordedLog();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton<DeliveredEvents>();
        builder.Services.AddSingleton<HandlerBehaviour>();
        builder.Services.AddSingleton<DriftedDeliveries>();
        builder.Services.AddLoanWebhooks(b =>
        {
            (providers ?? AllProviders)(b);
            b.AddHandler<RecordingHandler>();
            configure?.Invoke(b);
        });
        host?.Invoke(builder);

        var app = builder.Build();

        // TestServer has no peer address; pretend every request arrives through a reverse proxy on loopback (as the
        // Kestrel requests do).
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return next(context);
        });
        try
        {
            (map ?? (a => a.MapLoanWebhooks("/webhooks/{provider}")))(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new WebhookTestApp(app, kestrel ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient());
    }

    /// <summary>Each provider with the verification it documents, accepting its built-in test profile's credentials.</summary>
    public static void AllProviders(LoanWebhooksBuilder builder)
    {
        foreach (ProviderTestProfile profile in ProviderTestProfiles.All)
        {
            profile.AddVerifiedProvider(builder);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }

}
