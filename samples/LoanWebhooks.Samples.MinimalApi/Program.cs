// Receives webhooks from all four providers at POST /webhooks/{provider} (Spinwheel: /webhooks/spinwheel/{eventType})
// and logs the typed events; GET /health runs the SDK's health checks. Try it: dotnet run --project samples/LoanWebhooks.Demo
// Traces and metrics to the console: dotnet run --project samples/LoanWebhooks.Samples.MinimalApi -- --Telemetry:Console=true
using LoanWebhooks.Samples.MinimalApi;

WebhookSampleApp.Create(args).Run();
