using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>
/// When the dispatcher, and with it the routing table, is built: once per app, when it is first resolved. Mapping the
/// endpoints resolves it at start-up; an app that only injects <see cref="IWebhookDispatcher"/> (an MVC controller)
/// builds it on its first request. The store, which the dispatcher takes at construction, shows when that happens.
/// </summary>
public sealed class DispatcherConstructionTests
{
    [Fact]
    public async Task With_MapLoanWebhooks_the_dispatcher_is_built_once_at_start_up()
    {
        var constructions = new StoreConstructions();
        await using var app = await WebhookTestApp.StartAsync(host: b => constructions.Register(b.Services));

        int atStart = constructions.Count;
        var first = app.App.Services.GetRequiredService<IWebhookDispatcher>();
        var second = app.App.Services.GetRequiredService<IWebhookDispatcher>();

        Assert.Equal(1, atStart);
        Assert.Same(first, second);
        Assert.Equal(1, constructions.Count);
    }

    [Fact]
    public async Task Without_MapLoanWebhooks_the_dispatcher_is_built_on_its_first_resolution_not_at_start_up()
    {
        var constructions = new StoreConstructions();
        await using var app = await WebhookTestApp.StartAsync(host: b => constructions.Register(b.Services), map: _ => { });

        int atStart = constructions.Count;
        var first = app.App.Services.GetRequiredService<IWebhookDispatcher>();
        int afterFirstResolution = constructions.Count;
        var second = app.App.Services.GetRequiredService<IWebhookDispatcher>();

        Assert.Equal(0, atStart);
        Assert.Equal(1, afterFirstResolution);
        Assert.Same(first, second);
        Assert.Equal(1, constructions.Count);
    }

    private sealed class StoreConstructions
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Register(IServiceCollection services) =>
            services.AddSingleton<IWebhookIdempotencyStore>(_ =>
            {
                Interlocked.Increment(ref _count);
                return new InMemoryWebhookIdempotencyStore();
            });
    }
}
