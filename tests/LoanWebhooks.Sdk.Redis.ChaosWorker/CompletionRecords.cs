using System;
using System.Collections.Concurrent;

namespace LoanWebhooks.Sdk.Redis.ChaosWorker;

/// <summary>Where the handler records its runs (Redis hashes under the run's prefix), and how long it takes.</summary>
public sealed record CompletionRecords(string Prefix, TimeSpan HandlerDelay)
{
    /// <summary>
    /// When set, completions are counted here instead of in Redis: for runs that restart Redis, where a completion
    /// written to the Redis that dies could be applied without its reply arriving (the handler's own at-least-once
    /// write, not the inbox's).
    /// </summary>
    public ConcurrentDictionary<string, int>? InMemory { get; init; }

    /// <summary>Hash: webhook id → handler runs that started.</summary>
    public string StartedKey => Prefix + "started";

    /// <summary>Hash: webhook id → handler runs that completed.</summary>
    public string CompletedKey => Prefix + "completed";
}
