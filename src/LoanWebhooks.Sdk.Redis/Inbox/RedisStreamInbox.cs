using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>
/// The <see cref="IWebhookInbox"/> on a Redis stream: an admitted delivery is <c>XADD</c>ed (bounded by
/// <see cref="RedisStreamInboxOptions.MaxLength"/>) before the provider is answered; <see cref="RedisStreamWorker"/>s
/// read it through a consumer group.
/// </summary>
/// <remarks>
/// Never throws for Redis: full, disconnected or slow (past <see cref="RedisStreamInboxOptions.CommandTimeout"/>) all
/// return false, and the endpoint answers the provider's retryable status. Only as durable as the Redis behind it:
/// run Redis with persistence (AOF) if a restarted Redis must still hold what was accepted.
/// </remarks>
public sealed partial class RedisStreamInbox : IWebhookInbox
{
    private readonly IDatabase _database;
    private readonly RedisKey _stream;
    private readonly RedisValue _maxLength;
    private readonly RedisFailFast _failFast;
    private readonly ILogger _logger;

    /// <summary>Creates the inbox on <paramref name="connection"/>.</summary>
    /// <param name="connection">A connection the application owns; the inbox does not dispose it.</param>
    /// <param name="options">Keys, bound and timeout.</param>
    /// <param name="logger">Logs refusals (no payload values).</param>
    public RedisStreamInbox(IConnectionMultiplexer connection, RedisStreamInboxOptions options, ILogger<RedisStreamInbox> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _database = connection.GetDatabase(options.Database ?? -1);
        _stream = options.StreamKey;
        _maxLength = options.MaxLength;
        _failFast = new RedisFailFast(connection, options.CommandTimeout);
        _logger = logger;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryEnqueueAsync(WebhookAdmission admission, CancellationToken cancellationToken)
    {
        var entry = WebhookInboxEntry.From(admission);
        RedisValue[] fields = RedisInboxEntryFields.Write(entry);
        var arguments = new RedisValue[fields.Length + 1];
        arguments[0] = _maxLength;
        fields.CopyTo(arguments, 1);
        try
        {
            RedisResult id = await _failFast.RunAsync(() => _database.ScriptEvaluateAsync(RedisInboxScripts.Enqueue, new[] { _stream }, arguments)).ConfigureAwait(false);
            if (id.IsNull)
            {
                Full(_logger, entry.ProviderName, (long)_maxLength);
                return false;
            }

            return true;
        }
        catch (Exception e) when (RedisFailFast.IsRedisFailure(e))
        {
            // A Redis that does not answer within CommandTimeout gives false (the provider's retryable status) like one
            // that is down, not an error.
            Unavailable(_logger, e, entry.ProviderName);
            return false;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "The Redis inbox holds {MaxLength} deliveries; a {Provider} delivery is answered with its retryable status.")]
    private static partial void Full(ILogger logger, string provider, long maxLength);

    [LoggerMessage(2, LogLevel.Warning, "The Redis inbox could not store a {Provider} delivery; it is answered with its retryable status.")]
    private static partial void Unavailable(ILogger logger, Exception exception, string provider);
}
