using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// Deliveries without a provider id (every Payitoff delivery, Spinwheel's credit-profile events without webhookId) are
/// keyed on a hash of their body, but deduplicated on it only when the provider's options opt in: two genuine events
/// can have identical bodies.
/// </summary>
public sealed class BodyHashDeduplicationTests
{
    [Theory]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION")]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED")]
    public async Task A_repeated_Spinwheel_event_without_a_webhookId_runs_the_handlers_again_by_default(string eventType)
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var sample = DispatchTestHost.Sample(WebhookProvider.Spinwheel, eventType);
        var first = await host.DispatchAsync(sample);

        var again = await host.DispatchAsync(sample);

        Assert.Equal(WebhookIdempotencyKeySource.BodyHash, first.IdempotencyKey!.Value.Source);
        Assert.Equal(WebhookDispatchOutcome.Accepted, again.Outcome);
        Assert.Equal(2, host.Calls.Count(nameof(EveryEventHandler)));
    }

    [Theory]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION")]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED")]
    public async Task A_redelivered_Spinwheel_event_without_a_webhookId_is_a_duplicate_when_body_deduplication_is_on(string eventType)
    {
        await using var host = new DispatchTestHost(b => b.AddSpinwheel(o => o.DeduplicatesIdenticalBodies = true).AddHandler<EveryEventHandler>());
        var sample = DispatchTestHost.Sample(WebhookProvider.Spinwheel, eventType);
        await host.DispatchAsync(sample);

        var again = await host.DispatchAsync(sample);

        Assert.Equal(WebhookDispatchOutcome.Duplicate, again.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(EveryEventHandler)));
    }

    [Fact]
    public async Task A_Spinwheel_event_with_a_webhookId_is_deduplicated_on_it_whatever_the_setting()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var sample = DispatchTestHost.Sample(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        var first = await host.DispatchAsync(sample);

        var again = await host.DispatchAsync(sample);

        Assert.Equal(WebhookIdempotencyKeySource.ProviderId, first.IdempotencyKey!.Value.Source);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, again.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(EveryEventHandler)));
    }
}
