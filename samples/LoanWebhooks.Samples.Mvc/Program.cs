// Receives Payitoff and Canopy webhooks in a plain MVC controller (Controllers/WebhooksController.cs) and logs
// the typed events. Credentials come from configuration; the defaults below are for trying it locally only.
using LoanWebhooks.Samples.Mvc;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
var webhooks = builder.Configuration.GetSection("Webhooks");
builder.Services.AddControllers();
builder.Services.AddLoanWebhooks(b => b
    .AddPayitoff(o => o.UseBasicAuthentication(webhooks["PayitoffUserName"] ?? "payitoff-sample", webhooks["PayitoffPassword"] ?? "sample-only-payitoff-password"))
    .AddCanopy(o => o.UseSignatureSecret(webhooks["CanopySecret"] ?? "sample-only-canopy-secret"))
    .AddHandler<LogTypedEvents>());

var app = builder.Build();
app.MapControllers();
app.Run();
