// A provider of your own, end to end: schemas/harbor (the contract), Harbor/ (options and AddHarbor), Handlers/.
using LoanWebhooks.Samples.CustomProvider;
using LoanWebhooks.Samples.CustomProvider.Handlers;

var builder = WebApplication.CreateBuilder(args);
var cfg = builder.Configuration;   // e.g. the environment variable Harbor__SigningSecret
builder.Services.AddSingleton<LoanBook>();
builder.Services.AddLoanWebhooks(b => b
    .AddHarbor(o => o.UseSigningSecret(cfg["Harbor:SigningSecret"] ?? ""))
    .AddHandler<LoanFunded>()
    .AddHandler<UnknownHarborEvents>());
var app = builder.Build();
app.MapLoanWebhooks("/webhooks/{provider}");   // Harbor posts to /webhooks/harbor
app.Run();

/// <summary>The app's entry point, named so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
