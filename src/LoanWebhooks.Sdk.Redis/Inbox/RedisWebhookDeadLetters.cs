using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>
/// The inbox's dead-letter stream: deliveries whose handlers kept failing, kept with their last error until they are
/// replayed. Registered by <c>UseRedisStreams</c> and <c>AddRedisStreamWorkers</c>.
/// </summary>
public sealed class RedisWebhookDeadLetters
{
    private const int Page = 100;

    private readonly IDatabase _database;
    private readonly RedisKey _deadLetters;
    private readonly RedisKey[] _replayKeys;

    /// <summary>Opens the dead-letter stream of the inbox that <paramref name="options"/> names.</summary>
    /// <param name="connection">A connection the application owns.</param>
    /// <param name="options">The inbox's keys.</param>
    public RedisWebhookDeadLetters(IConnectionMultiplexer connection, RedisStreamInboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _database = connection.GetDatabase(options.Database ?? -1);
        _deadLetters = options.DeadLetterStreamKey;
        _replayKeys = new RedisKey[] { options.DeadLetterStreamKey, options.StreamKey };
    }

    /// <summary>The oldest dead letters, up to <paramref name="count"/>.</summary>
    /// <param name="count">How many at most.</param>
    /// <returns>The dead letters, oldest first.</returns>
    public async Task<IReadOnlyList<RedisWebhookDeadLetter>> ListAsync(int count = Page)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        StreamEntry[] entries = await _database.StreamRangeAsync(_deadLetters, count: count).ConfigureAwait(false);
        var deadLetters = new List<RedisWebhookDeadLetter>(entries.Length);
        foreach (StreamEntry entry in entries)
        {
            deadLetters.Add(new RedisWebhookDeadLetter(
                entry.Id.ToString(),
                Text(entry, RedisInboxEntryFields.Provider),
                Text(entry, RedisInboxEntryFields.EventType),
                Text(entry, RedisInboxEntryFields.IdempotencyKey),
                Time(entry, RedisInboxEntryFields.ReceivedAt),
                Time(entry, RedisInboxEntryFields.FailedAt),
                int.TryParse(Text(entry, RedisInboxEntryFields.Attempts), NumberStyles.None, CultureInfo.InvariantCulture, out int attempts) ? attempts : 0,
                Text(entry, RedisInboxEntryFields.Error),
                (byte[]?)RedisInboxEntryFields.Find(entry.Values, RedisInboxEntryFields.Body) ?? Array.Empty<byte>()));
        }

        return deadLetters;
    }

    /// <summary>
    /// Moves every dead letter back into the inbox, each starting again with no attempts (e.g. after the handler's bug
    /// is fixed). Its claim is taken back when it runs; one whose event was completed meanwhile is acknowledged without
    /// running its handlers.
    /// </summary>
    /// <param name="cancellationToken">Stops between entries.</param>
    /// <returns>How many were moved.</returns>
    public async Task<int> ReplayDeadLettersAsync(CancellationToken cancellationToken = default)
    {
        int replayed = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            StreamEntry[] entries = await _database.StreamRangeAsync(_deadLetters, count: Page).ConfigureAwait(false);
            if (entries.Length == 0)
            {
                return replayed;
            }

            foreach (StreamEntry entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RedisResult moved = await _database.ScriptEvaluateAsync(RedisInboxScripts.Replay, _replayKeys, new RedisValue[] { entry.Id }).ConfigureAwait(false);
                replayed += (int)moved;
            }
        }
    }

    private static string Text(StreamEntry entry, string field) => RedisInboxEntryFields.Find(entry.Values, field).ToString() ?? string.Empty;

    private static DateTimeOffset? Time(StreamEntry entry, string field) =>
        DateTimeOffset.TryParseExact(Text(entry, field), "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTimeOffset time) ? time : null;
}
