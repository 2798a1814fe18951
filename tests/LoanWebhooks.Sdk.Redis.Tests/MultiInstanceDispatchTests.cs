using System;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>Two dispatchers, each in its own container with its own connection, deduplicating through one Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class MultiInstanceDispatchTests(RedisFixture redis)
{
    private const int DeliveriesPerInstance = 10;

    // Spinwheel sends an id (webhookId); Payitoff sends none, so its key is the body's hash (AppInstance opts into that).
    public static TheoryData<WebhookProvider, string> Samples => new()
    {
        { WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED" },
        { WebhookProvider.Payitoff, "loan.paid_off" },
    };

    private readonly string _keyPrefix = RedisFixture.IsolatedOptions().KeyPrefix;

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task The_same_event_delivered_concurrently_to_two_instances_runs_the_handler_once(WebhookProvider provider, string eventType)
    {
        var sample = DocumentedSamples.Get(provider, eventType);
        var runs = new HandlerRuns { Duration = TimeSpan.FromMilliseconds(200) };
        await using var first = Instance(runs);
        await using var second = Instance(runs);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var deliveries = Enumerable.Range(0, DeliveriesPerInstance)
            .SelectMany(_ => new[] { first, second })
            .Select(instance => Task.Run(async () =>
            {
                await start.Task;
                return await instance.DispatchAsync(sample);
            }))
            .ToList();
        start.SetResult();
        WebhookDispatchResult[] results = await Task.WhenAll(deliveries);

        Assert.Equal(1, runs.Started);
        Assert.Single(results, r => r.Outcome == WebhookDispatchOutcome.Accepted && r.HandlersRun == 1);
        Assert.All(
            results.Where(r => r.Outcome != WebhookDispatchOutcome.Accepted),
            r => Assert.True(
                r is { Outcome: WebhookDispatchOutcome.InProgress, StatusCode: 503 } or { Outcome: WebhookDispatchOutcome.Duplicate, StatusCode: 200 },
                r.ToString() + " " + r.Exception));

        // Later redeliveries to either instance are duplicates.
        Assert.Equal(WebhookDispatchOutcome.Duplicate, (await first.DispatchAsync(sample)).Outcome);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, (await second.DispatchAsync(sample)).Outcome);
        Assert.Equal(1, runs.Started);
    }

    [Fact]
    public async Task A_failed_handler_on_one_instance_lets_the_redelivery_run_on_the_other()
    {
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        var runs = new HandlerRuns { Fail = true };
        await using var first = Instance(runs);
        await using var second = Instance(runs);

        var failed = await first.DispatchAsync(sample);
        runs.Fail = false;
        var redelivery = await second.DispatchAsync(sample);
        var third = await first.DispatchAsync(sample);

        Assert.Equal(WebhookDispatchOutcome.Failed, failed.Outcome);
        Assert.Equal(500, failed.StatusCode);
        Assert.Equal(WebhookDispatchOutcome.Accepted, redelivery.Outcome);
        Assert.Equal(1, redelivery.HandlersRun);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, third.Outcome);
        Assert.Equal(2, runs.Started);
        Assert.Equal(1, runs.Succeeded);
    }

    [Fact]
    public async Task When_Redis_is_down_the_delivery_fails_with_503_so_the_provider_retries_and_no_handler_runs()
    {
        await using var server = await RedisServer.StartAsync();
        var runs = new HandlerRuns();
        await using var instance = new AppInstance(server.Options(), runs, _keyPrefix, b => b.AddHandler<RecordingHandler>());
        var before = await instance.DispatchAsync(DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED"));

        server.Kill();
        var result = await instance.DispatchAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off"));

        Assert.Equal(WebhookDispatchOutcome.Accepted, before.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.False(result.IsSuccess);
        Assert.IsAssignableFrom<RedisException>(result.Exception);
        Assert.Null(result.FailedHandlerType);
        Assert.Equal(0, result.HandlersRun);
        Assert.Equal(1, runs.Started);
    }

    [Fact]
    public async Task When_Redis_was_never_reachable_the_delivery_fails_with_503_so_the_provider_retries_and_no_handler_runs()
    {
        await using var server = await RedisServer.StartAsync();
        ConfigurationOptions unreachable = server.Options();
        unreachable.ConnectTimeout = 500;
        unreachable.ConnectRetry = 1;
        server.Kill();
        var runs = new HandlerRuns();
        await using var instance = new AppInstance(unreachable, runs, _keyPrefix, b => b.AddHandler<RecordingHandler>());

        var result = await instance.DispatchAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off"));

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.IsAssignableFrom<RedisException>(result.Exception);
        Assert.Equal(0, runs.Started);
    }

    private AppInstance Instance(HandlerRuns runs) =>
        new(redis.Server.Options(), runs, _keyPrefix, b => b.AddHandler<RecordingHandler>());
}
