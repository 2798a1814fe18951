using System.Collections.Concurrent;

namespace LoanWebhooks.Samples.CustomProvider;

/// <summary>Stands in for the app's database: what the handlers recorded.</summary>
public sealed class LoanBook
{
    /// <summary>Funded loans: Harbor's loan id and the principal.</summary>
    public ConcurrentQueue<(string LoanId, decimal Principal)> Funded { get; } = new();

    /// <summary>Event types Harbor sent that this app's schemas do not know yet.</summary>
    public ConcurrentQueue<string> UnknownEventTypes { get; } = new();
}
