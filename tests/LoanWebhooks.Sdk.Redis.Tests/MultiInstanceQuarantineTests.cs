using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>Two instances sharing one Redis for idempotency and quarantine: drifted deliveries are kept once, and replayed once.</summary>
[Collection(RedisCollection.Name)]
public sealed class MultiInstanceQuarantineTests(RedisFixture redis)
{
    /// <summary>Verified (the instances check only a header) but not a Payitoff loan.paid_off: its data is a number.</summary>
    private static readonly byte[] DriftedPayitoffBody = Encoding.UTF8.GetBytes("""{ "event_type": "loan.paid_off", "data": 42 }""");

    private readonly string _keyPrefix = RedisFixture.IsolatedOptions().KeyPrefix;
    private readonly string _quarantinePrefix = QuarantineEntries.IsolatedOptions().KeyPrefix;

    [Fact]
    public async Task A_drifted_delivery_posted_to_two_instances_is_answered_200_by_both_and_kept_once_with_two_receipts()
    {
        var runs = new HandlerRuns();
        await using var first = Instance(redis.Server.Options(), runs);
        await using var second = Instance(redis.Server.Options(), runs);

        var atFirst = await first.DispatchAsync(WebhookProvider.Payitoff, DriftedPayitoffBody);
        var atSecond = await second.DispatchAsync(WebhookProvider.Payitoff, DriftedPayitoffBody);

        Assert.All(new[] { atFirst, atSecond }, r => Assert.True(
            r is { Outcome: WebhookDispatchOutcome.Quarantined, StatusCode: 200, QuarantineStored: true, RejectionReason: WebhookRejectionReason.None },
            r.ToString()));
        var kept = Assert.Single(await second.Quarantine.Store.ListAsync());
        Assert.Equal(QuarantinedWebhook.IdFor(WebhookProvider.Payitoff, DriftedPayitoffBody), kept.Id);
        Assert.Equal(2, kept.Receipts);
        Assert.Equal(("loan.paid_off", WebhookParseErrorReason.SchemaMismatch), (kept.EventType, kept.Reason));
        Assert.Equal(DriftedPayitoffBody, kept.Body.ToArray());
        Assert.Equal(0, runs.Started);
    }

    [Fact]
    public async Task Replaying_on_both_instances_after_an_upgrade_runs_the_typed_handler_once_and_removes_the_entry()
    {
        var runs = new HandlerRuns { Duration = TimeSpan.FromMilliseconds(200) };
        await using var first = Instance(redis.Server.Options(), runs);
        await using var second = Instance(redis.Server.Options(), runs);
        // What an older SDK quarantined and the upgraded one understands: a documented body, kept with the error it had then.
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        var entry = new QuarantinedWebhook(
            QuarantinedWebhook.IdFor(WebhookProvider.Spinwheel, sample.Body.Span),
            WebhookProvider.Spinwheel,
            sample.Body,
            sample.EventType,
            expectedEventType: sample.EventType,
            WebhookParseErrorReason.SchemaMismatch,
            jsonPath: "$.createdOn",
            errorMessage: "Expected a JSON string at $.createdOn but found a number.",
            QuarantineEntries.Received,
            QuarantineEntries.Received,
            receipts: 3);
        await first.Quarantine.Store.AddAsync(entry);

        var reports = await Task.WhenAll(first.Quarantine.ReplayAllAsync().AsTask(), second.Quarantine.ReplayAllAsync().AsTask());
        var again = await Task.WhenAll(first.Quarantine.ReplayAllAsync().AsTask(), second.Quarantine.ReplayAllAsync().AsTask());

        Assert.Equal(1, runs.Started);
        Assert.Equal(1, runs.Succeeded);
        var accepted = Assert.Single(reports.SelectMany(r => r.Results), r => r.Outcome == WebhookDispatchOutcome.Accepted);
        Assert.IsType<Spinwheel.SpinwheelUserLiabilitiesConnectedEvent>(accepted.Event);
        Assert.Equal(1, accepted.HandlersRun);
        Assert.All(
            reports.SelectMany(r => r.Results).Where(r => r.Outcome != WebhookDispatchOutcome.Accepted),
            r => Assert.True(r.Outcome is WebhookDispatchOutcome.InProgress or WebhookDispatchOutcome.Duplicate, r.ToString()));
        Assert.Equal(0L, await second.Quarantine.Store.CountAsync());
        Assert.Null(await first.Quarantine.Store.GetAsync(entry.Id));
        Assert.All(again, r => Assert.Empty(r.Results));
        Assert.Null(await second.Quarantine.ReplayAsync(entry.Id));
        Assert.Equal(1, runs.Started);
    }

    [Fact]
    public async Task A_drifted_delivery_while_Redis_is_down_is_answered_503_because_nothing_durable_kept_it()
    {
        await using var server = await RedisServer.StartAsync();
        var runs = new HandlerRuns();
        await using var instance = Instance(server.Options(), runs);
        var before = await instance.DispatchAsync(DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED"));

        server.Kill();
        var result = await instance.DispatchAsync(WebhookProvider.Payitoff, DriftedPayitoffBody);

        Assert.Equal(WebhookDispatchOutcome.Accepted, before.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.SchemaDrift, result.RejectionReason);
        Assert.False(result.QuarantineStored);
        Assert.IsAssignableFrom<RedisException>(result.Exception);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, result.ParseError!.Reason);
        Assert.Equal(1, runs.Started);
    }

    private AppInstance Instance(ConfigurationOptions options, HandlerRuns runs) =>
        new(options, runs, _keyPrefix, b => b
            .AddHandler<LiabilitiesConnectedHandler>()
            .UseRedisQuarantineStore(o => o.KeyPrefix = _quarantinePrefix));
}
