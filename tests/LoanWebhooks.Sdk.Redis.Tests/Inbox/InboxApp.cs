using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Redis.Inbox;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>
/// A generic host with the chaos app's configuration: admits deliveries through the dispatcher, stores them with a
/// <see cref="RedisStreamInbox"/> and (when started) runs them with <see cref="RedisStreamWorker"/>s.
/// </summary>
public sealed class InboxApp : IAsyncDisposable
{
    private readonly IHost _host;

    public InboxApp(int redisPort, string prefix, Action<RedisStreamInboxOptions>? inbox = null, FlakySwitch? flaky = null, TimeSpan handlerDelay = default)
    {
        Prefix = prefix;
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        ChaosApp.AddServices(builder.Services, ChaosApp.Redis(redisPort), prefix, handlerDelay);
        Options = new RedisStreamInboxOptions();
        ConfigureInbox(Options, prefix, inbox);
        builder.Services.AddLoanWebhooks(b =>
        {
            ChaosApp.Configure(b, prefix, SlowMachineTimeout).AddRedisStreamWorkers(o => ConfigureInbox(o, prefix, inbox));
            if (flaky is not null)
            {
                b.Services.AddSingleton(flaky);
                b.AddHandler<FlakyHandler>();
            }
        });
        _host = builder.Build();
        Inbox = new RedisStreamInbox(Connection, Options, _host.Services.GetRequiredService<ILogger<RedisStreamInbox>>());
    }

    // These tests call the dispatcher once per delivery, with no provider to retry: a first command that is slow on a
    // busy machine must not fail them.
    private static readonly TimeSpan SlowMachineTimeout = TimeSpan.FromSeconds(5);

    public string Prefix { get; }

    public RedisStreamInboxOptions Options { get; }

    public IConnectionMultiplexer Connection => _host.Services.GetRequiredService<IConnectionMultiplexer>();

    public IDatabase Database => Connection.GetDatabase();

    public RedisStreamInbox Inbox { get; }

    public RedisWebhookDeadLetters DeadLetters => _host.Services.GetRequiredService<RedisWebhookDeadLetters>();

    public IWebhookDispatcher Dispatcher => _host.Services.GetRequiredService<IWebhookDispatcher>();

    public CompletionRecords Records => _host.Services.GetRequiredService<CompletionRecords>();

    public Task StartWorkersAsync() => _host.StartAsync();

    /// <summary>Stops the host as a deploy does: the workers get the host's shutdown timeout (two seconds here).</summary>
    public Task StopAsync() => _host.StopAsync();

    public async Task<long> StartedAsync(string webhookId) => (long)await Database.HashGetAsync(Records.StartedKey, webhookId);

    /// <summary>Verifies, parses and claims a Spinwheel delivery and stores it; the admission, or the refusal.</summary>
    public async Task<(WebhookAdmission Admission, bool Stored)> ReceiveAsync(string webhookId)
    {
        var delivery = new WebhookDelivery(
            WebhookProvider.Spinwheel,
            SpinwheelBodies.LiabilitiesConnected(webhookId),
            new WebhookHeaders(new[] { KeyValuePair.Create(ChaosApp.SecretHeader, (string?)ChaosApp.Secret) }));
        WebhookAdmission admission = await Dispatcher.AdmitAsync(delivery);
        bool stored = admission.IsAdmitted && await Inbox.TryEnqueueAsync(admission, default);
        return (admission, stored);
    }

    public async Task<long> CompletedAsync(string webhookId) => (long)await Database.HashGetAsync(Records.CompletedKey, webhookId);

    public Task<long> StreamLengthAsync() => Database.StreamLengthAsync(Options.StreamKey);

    private static void ConfigureInbox(RedisStreamInboxOptions options, string prefix, Action<RedisStreamInboxOptions>? inbox)
    {
        ChaosApp.ConfigureInbox(options, prefix);
        options.CommandTimeout = SlowMachineTimeout;
        inbox?.Invoke(options);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
