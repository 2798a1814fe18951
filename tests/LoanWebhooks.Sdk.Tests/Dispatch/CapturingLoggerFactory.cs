using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>Keeps every log entry: the rendered message, the structured values and the exception.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
    {
        /// <summary>Everything a log sink could write: message, every structured value, the exception.</summary>
        public string AllText => string.Join(
            "\n",
            new[] { Message }.Concat(State.Select(kv => $"{kv.Key}={kv.Value}")).Append(Exception?.ToString() ?? string.Empty));
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }
    }
}
