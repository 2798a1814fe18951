using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class DependencyInjectionTests(RedisFixture redis)
{
    [Fact]
    public async Task UseRedisIdempotencyStore_replaces_the_in_memory_store_and_applies_the_options()
    {
        string prefix = RedisFixture.IsolatedOptions().KeyPrefix;
        await using var instance = new AppInstance(redis.Server.Options(), new HandlerRuns(), prefix, b => b.AddHandler<RecordingHandler>());

        var result = await instance.DispatchAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off"));

        var store = Assert.IsType<RedisWebhookIdempotencyStore>(instance.Services.GetRequiredService<IWebhookIdempotencyStore>());
        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.StartsWith(prefix, (string?)store.GetRedisKey(result.IdempotencyKey!.Value), StringComparison.Ordinal);
        Assert.Equal("completed", (string?)await redis.Database.StringGetAsync(store.GetRedisKey(result.IdempotencyKey!.Value)));
    }

    [Fact]
    public void Without_a_registered_connection_resolving_the_dispatcher_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => b
            .AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly())
            .UseRedisIdempotencyStore());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IWebhookDispatcher>());

        Assert.Contains("IConnectionMultiplexer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_factory_is_used_instead_of_the_container_registration()
    {
        using ConnectionMultiplexer connection = ConnectionMultiplexer.Connect(redis.Server.Options());
        var services = new ServiceCollection();
        IServiceProvider? passed = null;
        services.AddLoanWebhooks(b => b
            .AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly())
            .UseRedisIdempotencyStore(sp =>
            {
                passed = sp;
                return connection;
            }));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisWebhookIdempotencyStore>(provider.GetRequiredService<IWebhookIdempotencyStore>());
        Assert.NotNull(passed);
    }
}
