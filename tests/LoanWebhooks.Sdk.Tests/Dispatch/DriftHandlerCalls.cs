using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Parsing;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>Records what each schema-drift handler received, in call order (a singleton in the test container).</summary>
public sealed class DriftHandlerCalls
{
    private readonly ConcurrentQueue<DriftHandlerCall> _calls = new();

    /// <summary>What <see cref="FailingDriftHandler"/> throws, so a test can find this very exception in the result.</summary>
    public Exception Failure { get; } = new InvalidOperationException("drift handler broke");

    public IReadOnlyList<DriftHandlerCall> All => _calls.ToList();

    public void Record(string handler, ReadOnlyMemory<byte> body, string? eventType, WebhookParseErrorReason reason) =>
        _calls.Enqueue(new DriftHandlerCall(handler, body.ToArray(), eventType, reason));
}

public sealed record DriftHandlerCall(string Handler, byte[] Body, string? EventType, WebhookParseErrorReason Reason);
