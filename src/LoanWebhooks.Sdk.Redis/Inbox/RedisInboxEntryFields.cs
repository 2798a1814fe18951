using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LoanWebhooks.Sdk.Dispatch;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>The fields of one inbox stream entry: a <see cref="WebhookInboxEntry"/>, nothing else (no headers, no secrets).</summary>
internal static class RedisInboxEntryFields
{
    public const string Provider = "provider";
    public const string EventType = "event_type";
    public const string ExpectedEventType = "expected_event_type";
    public const string IdempotencyKey = "idempotency_key";
    public const string LeaseId = "lease_id";
    public const string ReceivedAt = "received_at";
    public const string Body = "body";

    // Added by the dead-letter move; stripped again by a replay.
    public const string Error = "error";
    public const string Attempts = "attempts";
    public const string FailedAt = "failed_at";

    /// <summary>Field, value, field, value… as Lua scripts take them.</summary>
    public static RedisValue[] Write(WebhookInboxEntry entry)
    {
        var values = new List<RedisValue>(14)
        {
            Provider, entry.ProviderName,
            EventType, entry.EventType,
            IdempotencyKey, entry.IdempotencyKey,
            ReceivedAt, entry.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            Body, entry.Body,
        };
        if (entry.ExpectedEventType is { } expected)
        {
            values.Add(ExpectedEventType);
            values.Add(expected);
        }

        if (entry.LeaseId is { } lease)
        {
            values.Add(LeaseId);
            values.Add(lease);
        }

        return values.ToArray();
    }

    public static bool TryRead(NameValueEntry[] fields, [NotNullWhen(true)] out WebhookInboxEntry? entry)
    {
        entry = null;
        RedisValue provider = Find(fields, Provider);
        RedisValue eventType = Find(fields, EventType);
        RedisValue key = Find(fields, IdempotencyKey);
        RedisValue receivedAt = Find(fields, ReceivedAt);
        RedisValue body = Find(fields, Body);
        if (provider.IsNullOrEmpty || eventType.IsNull || key.IsNullOrEmpty || body.IsNull
            || !DateTimeOffset.TryParseExact(receivedAt.ToString(), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset received))
        {
            return false;
        }

        RedisValue expected = Find(fields, ExpectedEventType);
        RedisValue lease = Find(fields, LeaseId);
        entry = new WebhookInboxEntry
        {
            ProviderName = provider.ToString(),
            Body = (byte[])body!,
            EventType = eventType.ToString(),
            ExpectedEventType = expected.IsNull ? null : expected.ToString(),
            IdempotencyKey = key.ToString(),
            LeaseId = lease.IsNullOrEmpty ? null : lease.ToString(),
            ReceivedAt = received,
        };
        return true;
    }

    public static RedisValue Find(NameValueEntry[] fields, string name)
    {
        foreach (NameValueEntry field in fields)
        {
            if (field.Name == name)
            {
                return field.Value;
            }
        }

        return RedisValue.Null;
    }
}
