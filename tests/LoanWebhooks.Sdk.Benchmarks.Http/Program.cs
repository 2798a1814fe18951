// The host the HTTP load benchmark starts (tests/LoanWebhooks.Sdk.Benchmarks/http/run.sh): a bare endpoint
// (POST /raw: read the body into an array, answer 200) beside MapLoanWebhooks, one no-op singleton handler, logging
// at Warning. Before it listens it writes the deliveries wrk sends: one body per line, each with a unique id and
// authenticated the way its provider authenticates (the receeve key pair is made up here, so only this process can
// sign for the key it registers).
using LoanWebhooks.Sdk.Benchmarks.Http;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var settings = BenchmarkSettings.From(builder.Configuration);

using var receeveSigner = ReceeveWebhookSigner.CreateRsa();
DeliveryBodies.Write(settings, receeveSigner);

builder.WebHost.UseUrls($"http://127.0.0.1:{settings.Port}");
builder.Services.AddSingleton<NoOpHandler>();
if (settings.Store == "redis")
{
    builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(settings.Redis));
}

builder.Services.AddLoanWebhooks(b =>
{
    // Payitoff sends no delivery id, so it is deduplicated only on request (by a hash of the body): requested here, so
    // that every provider's deliveries go through the idempotency store.
    b.AddPayitoff(o =>
        {
            o.UseBasicAuthentication(BenchmarkSecrets.PayitoffUserName, BenchmarkSecrets.PayitoffPassword);
            o.DeduplicatesIdenticalBodies = true;
        })
        .AddCanopy(o => o.UseSignatureSecret(BenchmarkSecrets.Canopy))
        .AddSpinwheel(o =>
        {
            o.UseSharedSecretHeader(BenchmarkSecrets.SpinwheelHeader, BenchmarkSecrets.Spinwheel);
            // wrk connects from loopback, which is not one of Spinwheel's published addresses.
            o.Authenticity.AdditionalAllowedAddresses.Add("127.0.0.1");
        })
        .AddReceeve(o => o.UsePublicKey(receeveSigner.PublicKeyPem))
        .AddHandler<NoOpHandler, PayitoffEvent>()
        .AddHandler<NoOpHandler, CanopyEvent>()
        .AddHandler<NoOpHandler, SpinwheelEvent>()
        .AddHandler<NoOpHandler, ReceeveEvent>();
    switch (settings.Store)
    {
        case "memory":
            break;
        case "redis":
            b.UseRedisIdempotencyStore(o => o.KeyPrefix = $"bench:{settings.RunId}:");
            break;
        case "passthrough":
            b.UseIdempotencyStore<PassThroughIdempotencyStore>();
            break;
        default:
            throw new ArgumentException($"Unknown store '{settings.Store}' (memory, redis, passthrough).");
    }
});

var app = builder.Build();

// The floor: what any endpoint that reads a webhook's body does before it can do anything with it.
app.MapPost("/raw", static async (HttpContext context) =>
{
    using var buffer = new MemoryStream(context.Request.ContentLength is long length ? (int)length : 1024);
    await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
    GC.KeepAlive(buffer.ToArray());
    context.Response.StatusCode = StatusCodes.Status200OK;
});
app.MapGet("/health", static () => Results.Ok());
app.MapGet("/stats", static (NoOpHandler handler) => Results.Text(
    $"handled={handler.Count} workingSetBytes={Environment.WorkingSet} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} pauseMs={GC.GetTotalPauseDuration().TotalMilliseconds:F0} heapBytes={GC.GetGCMemoryInfo().HeapSizeBytes}"));
app.MapLoanWebhooks("/webhooks/{provider}");
app.Run();
