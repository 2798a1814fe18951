using System;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Redis.Inbox;
using StackExchange.Redis;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

[Collection(RedisCollection.Name)]
public sealed class RedisStreamInboxTests(RedisFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private readonly string _prefix = $"inbox:{Guid.NewGuid():N}:";

    [Fact]
    public async Task A_stored_delivery_holds_the_verified_body_provider_event_type_receipt_time_key_and_lease_and_no_header()
    {
        await using var app = new InboxApp(redis.Server.Port, _prefix);

        var (admission, stored) = await app.ReceiveAsync("1669434136600-1");

        Assert.True(stored);
        StreamEntry entry = Assert.Single(await app.Database.StreamRangeAsync(app.Options.StreamKey));
        Assert.Equal(
            new[] { "body", "event_type", "idempotency_key", "lease_id", "provider", "received_at" },
            entry.Values.Select(v => v.Name.ToString()).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("Spinwheel", entry["provider"]);
        Assert.Equal("USER_LIABILITIES_CONNECTED", entry["event_type"]);
        Assert.Equal(admission.Delivery.Body.ToArray(), (byte[])entry["body"]!);
        Assert.DoesNotContain(entry.Values, v => v.Value.ToString().Contains(ChaosApp.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_worker_runs_the_handler_completes_the_claim_and_removes_the_entry_so_a_redelivery_is_a_duplicate()
    {
        await using var app = new InboxApp(redis.Server.Port, _prefix);
        await app.ReceiveAsync("1669434136600-2");

        await app.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => await app.CompletedAsync("1669434136600-2") == 1, Timeout, "the handler completed");
        await Eventually.HoldsAsync(async () => await app.StreamLengthAsync() == 0, Timeout, "the entry was removed");
        var (redelivery, stored) = await app.ReceiveAsync("1669434136600-2");

        Assert.False(stored);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, redelivery.Result.Outcome);
        Assert.Equal(0, await app.Database.HashLengthAsync(app.Options.StreamKey + ":attempts"));
    }

    [Fact]
    public async Task A_full_inbox_refuses_the_delivery_and_gives_nothing_a_success()
    {
        await using var app = new InboxApp(redis.Server.Port, _prefix, o => o.MaxLength = 2);
        await app.ReceiveAsync("1669434136600-3");
        await app.ReceiveAsync("1669434136600-4");

        var (third, stored) = await app.ReceiveAsync("1669434136600-5");

        Assert.True(third.IsAdmitted);
        Assert.False(stored);
        Assert.Equal(2, await app.StreamLengthAsync());
    }

    [Fact]
    public async Task A_delivery_whose_handler_keeps_failing_is_dead_lettered_with_type_names_only_and_runs_once_replayed_after_the_fix()
    {
        var flaky = new FlakySwitch();
        await using var app = new InboxApp(redis.Server.Port, _prefix, o => { o.MaxAttempts = 3; o.ClaimIdleTime = TimeSpan.FromMilliseconds(100); }, flaky);
        await app.ReceiveAsync("1669434136600-6");

        await app.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => (await app.DeadLetters.ListAsync()).Count == 1, Timeout, "the delivery was dead-lettered");

        RedisWebhookDeadLetter deadLetter = Assert.Single(await app.DeadLetters.ListAsync());
        Assert.Equal(3, flaky.Runs);
        Assert.Equal(3, deadLetter.Attempts);
        Assert.Equal("System.InvalidOperationException in " + typeof(FlakyHandler).FullName, deadLetter.Error);
        Assert.DoesNotContain("1669434136600-6", deadLetter.Error, StringComparison.Ordinal);
        Assert.Equal(0, await app.StreamLengthAsync());

        flaky.Fail = false;
        Assert.Equal(1, await app.DeadLetters.ReplayDeadLettersAsync());
        await Eventually.HoldsAsync(() => flaky.Runs == 4, Timeout, "the replayed delivery ran");
        await Eventually.HoldsAsync(async () => await app.StreamLengthAsync() == 0, Timeout, "the replayed entry was removed");
        Assert.Empty(await app.DeadLetters.ListAsync());
    }

    [Fact]
    public async Task An_entry_whose_event_was_completed_already_is_acknowledged_without_running_the_handler_again()
    {
        await using var app = new InboxApp(redis.Server.Port, _prefix);
        var (admission, _) = await app.ReceiveAsync("1669434136600-7");
        // The same admission run directly, as a worker that died after completing but before acknowledging did.
        Assert.True(WebhookInboxEntry.From(admission).TryRestore(app.Dispatcher, out WebhookAdmission? restored, out _));
        Assert.Equal(WebhookDispatchOutcome.Accepted, (await app.Dispatcher.ProcessAsync(restored)).Outcome);

        await app.StartWorkersAsync();
        await Eventually.HoldsAsync(async () => await app.StreamLengthAsync() == 0, Timeout, "the entry was removed");

        Assert.Equal(1, await app.CompletedAsync("1669434136600-7"));
    }

    [Fact]
    public async Task Restoring_an_entry_whose_key_does_not_match_its_body_fails_without_naming_a_payload_value()
    {
        await using var app = new InboxApp(redis.Server.Port, _prefix);
        var (admission, _) = await app.ReceiveAsync("1669434136600-8");
        WebhookInboxEntry tampered = WebhookInboxEntry.From(admission) with { Body = SpinwheelBodies.LiabilitiesConnected("1669434136600-9") };

        bool restored = tampered.TryRestore(app.Dispatcher, out _, out string? failure);

        Assert.False(restored);
        Assert.Equal("The stored idempotency key is not the key of the stored body.", failure);
        Assert.DoesNotContain("1669434136600", tampered.ToString(), StringComparison.Ordinal);
    }
}
