using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>
/// Records the SDK's log events with their structured values: through HTTP a test sees only the status, and the
/// dispatcher's log says which outcome and reason produced it.
/// </summary>
public sealed class RecordedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLogEvent> _events = new();

    public IReadOnlyList<RecordedLogEvent> Events => _events.ToList();

    /// <summary>The one event named <paramref name="name"/> (the dispatcher's log method, e.g. <c>VerificationFailed</c>).</summary>
    public RecordedLogEvent Single(string name) => Assert.Single(Events, e => e.Name == name);

    /// <summary>Waits until an event named <paramref name="name"/> was logged (e.g. <c>Accepted</c>, logged once the claim is completed).</summary>
    public async Task<RecordedLogEvent> WaitForAsync(string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_events.FirstOrDefault(e => e.Name == name) is { } logged)
            {
                return logged;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {name} event was logged within {timeout}.");
            }

            await Task.Delay(10);
        }
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("LoanWebhooks.Sdk", StringComparison.Ordinal) ? new Recorder(_events) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<RecordedLogEvent> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            events.Enqueue(new RecordedLogEvent(eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), logLevel, values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}

/// <summary>One log event: the log method's name and its named values.</summary>
public sealed record RecordedLogEvent(string Name, LogLevel Level, IReadOnlyDictionary<string, object?> Values)
{
    public object? this[string key] => Values[key];
}
