// Starts the minimal-API sample on a free loopback port and posts every documented sample webhook of every
// provider to it over HTTP, authenticated the way each provider does it, then a forged one. The sample's
// handlers log the typed events. Exits non-zero unless every documented sample is accepted.
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using LoanWebhooks.Samples.MinimalApi;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

await using var app = WebhookSampleApp.Create(
    new[] { "--urls", "http://127.0.0.1:0" },
    builder => builder.Logging
        .AddFilter("Microsoft", LogLevel.Warning)
        .AddFilter("LoanWebhooks.Sdk", LogLevel.Warning)
        .AddSimpleConsole(o => o.SingleLine = true));
await app.StartAsync();

var credentials = app.Configuration.GetSection("Webhooks").Get<SampleCredentials>()!;
using var receeveSigner = ReceeveWebhookSigner.FromPrivateKeyPem(SampleCredentials.SampleOnlyReceeveKey.ExportPkcs8PrivateKeyPem());
using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
var simulator = new WebhookSimulator(client).UseProfiles(
[
    new PayitoffTestProfile(credentials.PayitoffUserName, credentials.PayitoffPassword),
    new CanopyTestProfile(credentials.CanopySecret),
    new SpinwheelTestProfile(SampleCredentials.SpinwheelHeader, credentials.SpinwheelSecret),
    new ReceeveTestProfile(receeveSigner),
]);

int accepted = 0;
foreach (var sample in DocumentedSamples.All)
{
    var result = await simulator.SendAsync(sample);
    accepted += result.StatusCode == HttpStatusCode.OK ? 1 : 0;
    Console.WriteLine($"{sample.Name,-60} POST {result.Path} → {(int)result.StatusCode} {result.StatusCode} {result.ResponseText}");
}

var forged = await new WebhookSimulator(client).SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off"));
Console.WriteLine($"{"forged payitoff/loan.paid_off (no credentials)",-60} POST {forged.Path} → {(int)forged.StatusCode} {forged.StatusCode}");

await app.StopAsync();
Console.WriteLine($"{accepted} of {DocumentedSamples.All.Count} documented samples accepted over HTTP.");
return accepted == DocumentedSamples.All.Count ? 0 : 1;
