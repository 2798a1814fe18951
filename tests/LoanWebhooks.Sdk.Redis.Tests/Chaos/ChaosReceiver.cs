using System;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Redis.Inbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Redis.Tests.Chaos;

/// <summary>A receiving web instance on a loopback port: verify, claim, XADD to the inbox, answer; optionally with workers of its own.</summary>
public sealed class ChaosReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ChaosReceiver(WebApplication app, Uri address)
    {
        _app = app;
        WebhookUrl = new Uri(address, "/webhooks/spinwheel");
    }

    public Uri WebhookUrl { get; }

    public static async Task<ChaosReceiver> StartAsync(int redisPort, string prefix, bool runWorkers, CompletionRecords records, Action<RedisStreamInboxOptions>? inbox = null, TimeSpan? commandTimeout = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        ChaosApp.AddServices(builder.Services, ChaosApp.Redis(redisPort), records);
        builder.Services.AddLoanWebhooks(b => ChaosApp.Configure(b, prefix, commandTimeout).ProcessInBackground(o => o.UseRedisStreams(r =>
        {
            ChaosApp.ConfigureInbox(r, prefix);
            r.RunWorkers = runWorkers;
            r.CommandTimeout = commandTimeout ?? r.CommandTimeout;
            inbox?.Invoke(r);
        })));
        WebApplication app = builder.Build();
        app.MapLoanWebhooks();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ChaosReceiver(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
