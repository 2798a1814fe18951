using System;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Quarantine;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class QuarantineDependencyInjectionTests(RedisFixture redis)
{
    [Fact]
    public async Task UseRedisQuarantineStore_replaces_an_earlier_quarantine_store_and_applies_the_options()
    {
        string prefix = QuarantineEntries.IsolatedOptions().KeyPrefix;
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Server.Options()));
        services.AddSingleton<IWebhookQuarantineStore>(_ => throw new InvalidOperationException("The earlier registration was resolved."));
        services.AddLoanWebhooks(b => b
            .AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly())
            .UseRedisQuarantineStore(o =>
            {
                o.KeyPrefix = prefix;
                o.MaxEntries = 1;
            }));
        await using var provider = services.BuildServiceProvider();
        var entry = QuarantineEntries.New();

        var store = Assert.IsType<RedisWebhookQuarantineStore>(provider.GetRequiredService<IWebhookQuarantineStore>());
        await store.AddAsync(entry);

        Assert.Single(services, d => d.ServiceType == typeof(IWebhookQuarantineStore));
        Assert.True(store.IsDurable);
        Assert.StartsWith("{" + prefix + "}", store.GetRedisKey(entry.Id).ToString(), StringComparison.Ordinal);
        Assert.True(await redis.Database.KeyExistsAsync(store.GetRedisKey(entry.Id)));
        await Assert.ThrowsAsync<RedisWebhookQuarantineFullException>(() => store.AddAsync(QuarantineEntries.New()).AsTask());
    }

    [Fact]
    public void Without_a_registered_connection_resolving_the_quarantine_store_says_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => b
            .AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly())
            .UseRedisQuarantineStore());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IWebhookQuarantineStore>());

        Assert.Contains("IConnectionMultiplexer", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseRedisQuarantineStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_factory_is_used_instead_of_the_container_registration()
    {
        using ConnectionMultiplexer connection = ConnectionMultiplexer.Connect(redis.Server.Options());
        var services = new ServiceCollection();
        IServiceProvider? passed = null;
        services.AddLoanWebhooks(b => b
            .AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly())
            .UseRedisQuarantineStore(sp =>
            {
                passed = sp;
                return connection;
            }));
        using var provider = services.BuildServiceProvider();

        Assert.IsType<RedisWebhookQuarantineStore>(provider.GetRequiredService<IWebhookQuarantineStore>());
        Assert.NotNull(passed);
        Assert.Single(services, d => d.ServiceType == typeof(IWebhookQuarantineStore));
    }
}
