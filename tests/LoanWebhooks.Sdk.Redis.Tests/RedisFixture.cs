using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>One Redis server for the whole collection, and a connection to it for assertions on raw keys.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>A connection for the test's own reads; stores under test get their own connections.</summary>
    public ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("The fixture has not started.");

    public IDatabase Database => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _connection = await _server.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Options with a prefix of the test's own, so tests never see each other's keys.</summary>
    public static RedisWebhookIdempotencyStoreOptions IsolatedOptions() =>
        new() { KeyPrefix = $"test:{Guid.NewGuid():N}:" };

    public static WebhookIdempotencyKey NewKey() =>
        new(Events.WebhookProvider.Spinwheel, Guid.NewGuid().ToString("N"), WebhookIdempotencyKeySource.ProviderId, "USER_LIABILITIES_CONNECTED");
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis server";
}
