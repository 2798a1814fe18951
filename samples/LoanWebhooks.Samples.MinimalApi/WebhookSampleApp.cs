using LoanWebhooks.Samples.MinimalApi.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Samples.MinimalApi;

/// <summary>The whole app: providers with their credentials, handlers, one route.</summary>
public static class WebhookSampleApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        SampleCredentials.AddAsDefaults(builder.Configuration);
        configure?.Invoke(builder);

        var credentials = builder.Configuration.GetSection("Webhooks").Get<SampleCredentials>()!;
        builder.Services.AddLoanWebhooks(b => b
            .AddPayitoff(o => o.UseBasicAuthentication(credentials.PayitoffUserName, credentials.PayitoffPassword))
            .AddCanopy(o => o.UseSignatureSecret(credentials.CanopySecret))
            .AddSpinwheel(o =>
            {
                o.UseSharedSecretHeader(SampleCredentials.SpinwheelHeader, credentials.SpinwheelSecret);
                o.Authenticity.TrustedProxies.Add(credentials.TrustedProxy);
            })
            .AddReceeve(o => o.UsePublicKey(credentials.ReceevePublicKey))
            .AddHandler<LogEveryEvent>()
            .AddHandler<LoanPaidOff>()
            .AddHandler<ConnectivityChanged>()
            .AddHandler<UnknownEvents>());

        var app = builder.Build();
        app.MapLoanWebhooks("/webhooks/{provider}");
        return app;
    }
}
