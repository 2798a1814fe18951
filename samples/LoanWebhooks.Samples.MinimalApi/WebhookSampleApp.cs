using LoanWebhooks.Samples.MinimalApi.Handlers;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LoanWebhooks.Samples.MinimalApi;

/// <summary>The whole app: providers with their credentials, handlers, one route, telemetry and health checks.</summary>
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

        // Traces and metrics: the SDK's activity source and meter are both named "LoanWebhooks.Sdk". Swap the console
        // exporter for OTLP (OpenTelemetry.Exporter.OpenTelemetryProtocol) to send them to a collector.
        bool console = builder.Configuration.GetValue<bool>("Telemetry:Console");
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddSource("LoanWebhooks.Sdk");
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("LoanWebhooks.Sdk");
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });

        // Providers verified, stores answering, background queue not saturated.
        builder.Services.AddHealthChecks().AddLoanWebhooksHealthChecks();

        var app = builder.Build();
        app.MapLoanWebhooks("/webhooks/{provider}");
        app.MapHealthChecks("/health");
        return app;
    }
}
