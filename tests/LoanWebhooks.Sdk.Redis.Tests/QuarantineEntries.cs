using System;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>Quarantine entries as the dispatcher makes them: the id is the provider and the body's SHA-256.</summary>
public static class QuarantineEntries
{
    /// <summary>A value that appears in every body made here, so a test can look for it in Redis keys.</summary>
    public const string PayloadCanary = "ssn-canary-078-05-1120";

    /// <summary>An odd offset and sub-millisecond ticks, so that a store that rounds or converts times is caught.</summary>
    public static readonly DateTimeOffset Received = new DateTimeOffset(2026, 3, 14, 9, 26, 53, TimeSpan.FromHours(-5)).AddTicks(5_897_931);

    /// <summary>A distinct body, with a fresh value in it, for an entry of its own.</summary>
    public static byte[] NewBody() =>
        Encoding.UTF8.GetBytes($$"""{"eventType":"USER_LIABILITIES_CONNECTED","userId":"{{Guid.NewGuid()}}","ssn":"{{PayloadCanary}}","balanceCents":"12.5"}""");

    public static QuarantinedWebhook New(byte[]? body = null, DateTimeOffset? firstReceivedAt = null, DateTimeOffset? lastReceivedAt = null, int receipts = 1)
    {
        body ??= NewBody();
        DateTimeOffset first = firstReceivedAt ?? Received;
        return new QuarantinedWebhook(
            QuarantinedWebhook.IdFor(WebhookProvider.Spinwheel, body),
            WebhookProvider.Spinwheel,
            body,
            eventType: "USER_LIABILITIES_CONNECTED",
            expectedEventType: "USER_LIABILITIES_CONNECTED",
            WebhookParseErrorReason.SchemaMismatch,
            jsonPath: "$.balanceCents",
            errorMessage: "Expected a JSON number at $.balanceCents but found a string.",
            first,
            lastReceivedAt ?? first,
            receipts);
    }

    /// <summary>The same delivery received again at <paramref name="receivedAt"/>, as another instance would store it.</summary>
    public static QuarantinedWebhook ReceivedAgain(QuarantinedWebhook entry, DateTimeOffset receivedAt) =>
        New(entry.Body.ToArray(), receivedAt, receivedAt);

    public static RedisWebhookQuarantineStoreOptions IsolatedOptions() =>
        new() { KeyPrefix = $"test:{Guid.NewGuid():N}:" };
}
