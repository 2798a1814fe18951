using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>Records which handler saw which event, in call order (a singleton in the test container).</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentQueue<(string Handler, WebhookEvent Event)> _calls = new();

    public void Record(string handler, WebhookEvent webhookEvent) => _calls.Enqueue((handler, webhookEvent));

    public IReadOnlyList<string> Handlers => _calls.Select(c => c.Handler).ToList();

    public IReadOnlyList<(string Handler, WebhookEvent Event)> All => _calls.ToList();

    public int Count(string handler) => _calls.Count(c => c.Handler == handler);
}
