using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// Deliveries without a provider id are keyed on a hash of their body. Only Payitoff opts out by default (two of its
/// genuine events can have identical bodies); the other providers' id-less deliveries are redeliveries when identical.
/// </summary>
public sealed class BodyHashDeduplicationTests
{
    [Theory]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION")]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED")]
    public async Task A_redelivered_Spinwheel_event_without_a_webhookId_is_a_duplicate_on_its_body_hash(string eventType)
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var sample = DispatchTestHost.Sample(WebhookProvider.Spinwheel, eventType);
        var first = await host.DispatchAsync(sample);

        var again = await host.DispatchAsync(sample);

        Assert.Equal(WebhookIdempotencyKeySource.BodyHash, first.IdempotencyKey!.Value.Source);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, again.Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(EveryEventHandler)));
    }
}
