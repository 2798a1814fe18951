// Receives webhooks from all four providers at POST /webhooks/{provider} (Spinwheel: /webhooks/spinwheel/{eventType})
// and logs the typed events. Try it: dotnet run --project samples/LoanWebhooks.Demo
using LoanWebhooks.Samples.MinimalApi;

WebhookSampleApp.Create(args).Run();
