using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis;

/// <summary>
/// An <see cref="IWebhookQuarantineStore"/> in Redis, shared by every instance that receives webhooks and surviving
/// their restarts: a delivery that did not fit its schema is kept here, once, however many instances receive it.
/// </summary>
/// <remarks>
/// <para>
/// One hash per entry (<c>{prefix}entry:&lt;id&gt;</c>: the body as bytes and the other fields as text) and a sorted
/// set <c>{prefix}index</c> of the ids, scored by first receipt in Unix milliseconds, for
/// <see cref="ListAsync"/>. The id is the provider and the body's SHA-256, so no key holds a payload value.
/// </para>
/// <para>
/// <see cref="AddAsync"/> is one Lua script, so concurrent adds of one id from any number of instances make one entry:
/// when it exists, its receipts add up, its last receipt moves to the later time and its first receipt to the earlier
/// one; when it does not, it is created, unless the index already holds
/// <see cref="RedisWebhookQuarantineStoreOptions.MaxEntries"/> ids (then <see cref="RedisWebhookQuarantineFullException"/>).
/// <see cref="RemoveAsync"/> deletes the hash and the index member in one script.
/// </para>
/// <para>
/// Redis errors (connection, timeout, server) are not swallowed: they propagate, and the dispatcher answers a
/// delivery it could not quarantine with a status the provider retries. A Redis that evicts keys under memory
/// pressure (an <c>allkeys-*</c> <c>maxmemory-policy</c>) can drop entries: give the quarantine a Redis with
/// <c>noeviction</c>. Needs Redis 5 or later.
/// </para>
/// </remarks>
public sealed class RedisWebhookQuarantineStore : IWebhookQuarantineStore
{
    private const int Full = 0;

    // KEYS: entry, index. ARGV: id, max entries, retention ms (0: none), receipts, first ms, last ms, first text,
    // last text, then the new entry's field/value pairs. Returns 1 when it counted a receipt, 2 when it created the
    // entry, 0 when the quarantine is full. Expired ids leave the index first, so they do not count towards the limit.
    private const string AddScript = """
        local retention = tonumber(ARGV[3])
        if retention > 0 then
          local time = redis.call('TIME')
          local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
          redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. string.format('%.0f', now - retention))
        end
        local first = tonumber(ARGV[5])
        local last = tonumber(ARGV[6])
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('HINCRBY', KEYS[1], 'receipts', ARGV[4])
          local storedLast = tonumber(redis.call('HGET', KEYS[1], 'lastReceivedAtMs'))
          if not storedLast or last >= storedLast then
            redis.call('HSET', KEYS[1], 'lastReceivedAt', ARGV[8], 'lastReceivedAtMs', ARGV[6])
          end
          local storedFirst = tonumber(redis.call('ZSCORE', KEYS[2], ARGV[1]))
          if not storedFirst or first < storedFirst then
            redis.call('HSET', KEYS[1], 'firstReceivedAt', ARGV[7])
            redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
            if retention > 0 then redis.call('PEXPIREAT', KEYS[1], string.format('%.0f', first + retention)) end
          end
          return 1
        end
        if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], unpack(ARGV, 9))
        redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
        if retention > 0 then redis.call('PEXPIREAT', KEYS[1], string.format('%.0f', first + retention)) end
        return 2
        """;

    // KEYS: entry, index. ARGV: id. Returns 1 when the entry existed.
    private const string RemoveScript = """
        redis.call('ZREM', KEYS[2], ARGV[1])
        return redis.call('DEL', KEYS[1])
        """;

    // KEYS: index. ARGV: retention ms. Drops the ids whose entries expired and returns how many remain.
    private const string PruneScript = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. string.format('%.0f', now - tonumber(ARGV[1])))
        return redis.call('ZCARD', KEYS[1])
        """;

    private const string BodyField = "body";
    private const string ProviderField = "provider";
    private const string EventTypeField = "eventType";
    private const string ExpectedEventTypeField = "expectedEventType";
    private const string ReasonField = "reason";
    private const string JsonPathField = "jsonPath";
    private const string ErrorMessageField = "errorMessage";
    private const string FirstReceivedAtField = "firstReceivedAt";
    private const string LastReceivedAtField = "lastReceivedAt";
    private const string LastReceivedAtMillisecondsField = "lastReceivedAtMs";
    private const string ReceiptsField = "receipts";

    // "O" keeps ticks and offset, so an entry reads back exactly as it was added.
    private const string TimeFormat = "O";

    private readonly IDatabase _database;
    private readonly string _keyPrefix;
    private readonly RedisKey _indexKey;
    private readonly int _maxEntries;
    private readonly long _retentionMilliseconds;

    /// <summary>Creates a store on <paramref name="connection"/> from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="connection">A connection shared with the rest of the application; the store does not dispose it.</param>
    /// <param name="options">Key prefix, capacity, retention and database; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>.</exception>
    public RedisWebhookQuarantineStore(IConnectionMultiplexer connection, RedisWebhookQuarantineStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new RedisWebhookQuarantineStoreOptions();
        _database = connection.GetDatabase(options.Database ?? -1);

        // The braces are a Redis Cluster hash tag: every key of this store lands in one slot, as the scripts need.
        _keyPrefix = string.Concat("{", options.KeyPrefix, "}");
        _indexKey = new RedisKey(_keyPrefix + "index");
        _maxEntries = options.MaxEntries;
        _retentionMilliseconds = options.Retention is { } retention ? (long)Math.Ceiling(retention.TotalMilliseconds) : 0;
    }

    /// <inheritdoc/>
    /// <value>Always true: entries live in Redis, not in this process.</value>
    public bool IsDurable => true;

    /// <inheritdoc/>
    /// <exception cref="RedisWebhookQuarantineFullException">The entry is new and the quarantine holds <see cref="RedisWebhookQuarantineStoreOptions.MaxEntries"/> entries; nothing was stored.</exception>
    /// <exception cref="RedisException">Redis could not be reached or refused the command (e.g. <see cref="RedisConnectionException"/>).</exception>
    /// <exception cref="RedisTimeoutException">Redis did not answer within the connection's timeout.</exception>
    public async ValueTask AddAsync(QuarantinedWebhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        cancellationToken.ThrowIfCancellationRequested();

        string firstMilliseconds = UnixMilliseconds(webhook.FirstReceivedAt);
        string lastMilliseconds = UnixMilliseconds(webhook.LastReceivedAt);
        string first = webhook.FirstReceivedAt.ToString(TimeFormat, CultureInfo.InvariantCulture);
        string last = webhook.LastReceivedAt.ToString(TimeFormat, CultureInfo.InvariantCulture);

        var arguments = new List<RedisValue>(32)
        {
            webhook.Id,
            _maxEntries,
            _retentionMilliseconds,
            webhook.Receipts,
            firstMilliseconds,
            lastMilliseconds,
            first,
            last,
            BodyField, webhook.Body,
            ProviderField, webhook.Provider.ToString(),
            ReasonField, webhook.Reason.ToString(),
            ErrorMessageField, webhook.ErrorMessage,
            FirstReceivedAtField, first,
            LastReceivedAtField, last,
            LastReceivedAtMillisecondsField, lastMilliseconds,
            ReceiptsField, webhook.Receipts,
        };

        // A field that is absent reads back as null; an empty string stays an empty string.
        AddIfNotNull(arguments, EventTypeField, webhook.EventType);
        AddIfNotNull(arguments, ExpectedEventTypeField, webhook.ExpectedEventType);
        AddIfNotNull(arguments, JsonPathField, webhook.JsonPath);

        RedisResult result = await _database.ScriptEvaluateAsync(
            AddScript,
            new[] { GetRedisKey(webhook.Id), _indexKey },
            arguments.ToArray()).ConfigureAwait(false);

        if ((int)result == Full)
        {
            throw new RedisWebhookQuarantineFullException(webhook.Id, _maxEntries);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is negative.</exception>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask<IReadOnlyList<QuarantinedWebhook>> ListAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        cancellationToken.ThrowIfCancellationRequested();
        if (maxCount == 0)
        {
            return Array.Empty<QuarantinedWebhook>();
        }

        await PruneExpiredAsync().ConfigureAwait(false);
        RedisValue[] ids = await _database.SortedSetRangeByRankAsync(_indexKey, 0, maxCount - 1, Order.Ascending).ConfigureAwait(false);

        var reads = new Task<HashEntry[]>[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            reads[i] = _database.HashGetAllAsync(GetRedisKey(ids[i].ToString()));
        }

        HashEntry[][] hashes = await Task.WhenAll(reads).ConfigureAwait(false);
        var entries = new List<QuarantinedWebhook>(ids.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            // Removed by another instance (or expired) between the two reads.
            if (hashes[i].Length > 0)
            {
                entries.Add(Read(ids[i].ToString(), hashes[i]));
            }
        }

        return entries;
    }

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask<QuarantinedWebhook?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        cancellationToken.ThrowIfCancellationRequested();

        HashEntry[] hash = await _database.HashGetAllAsync(GetRedisKey(id)).ConfigureAwait(false);
        return hash.Length == 0 ? null : Read(id, hash);
    }

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        cancellationToken.ThrowIfCancellationRequested();

        RedisResult deleted = await _database.ScriptEvaluateAsync(
            RemoveScript,
            new[] { GetRedisKey(id), _indexKey },
            new RedisValue[] { id }).ConfigureAwait(false);
        return (int)deleted == 1;
    }

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await PruneExpiredAsync().ConfigureAwait(false) ?? await _database.SortedSetLengthAsync(_indexKey).ConfigureAwait(false);
    }

    /// <summary>
    /// The Redis key of the hash that holds entry <paramref name="id"/>, e.g.
    /// <c>{loanwebhooks:quarantine:}entry:spinwheel:3f9a…</c> (for inspecting Redis).
    /// </summary>
    /// <param name="id">The entry's <see cref="QuarantinedWebhook.Id"/>.</param>
    /// <returns>The prefix in braces, <c>entry:</c> and the id.</returns>
    public RedisKey GetRedisKey(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        // "entry:" keeps every id, whatever it holds, apart from the index key.
        return new RedisKey(string.Concat(_keyPrefix, "entry:", id));
    }

    // With a retention, drops the index members whose entries expired; returns the count left, or null without one.
    private async Task<long?> PruneExpiredAsync()
    {
        if (_retentionMilliseconds == 0)
        {
            return null;
        }

        RedisResult remaining = await _database.ScriptEvaluateAsync(
            PruneScript,
            new[] { _indexKey },
            new RedisValue[] { _retentionMilliseconds }).ConfigureAwait(false);
        return (long)remaining;
    }

    private static QuarantinedWebhook Read(string id, HashEntry[] hash)
    {
        var fields = new Dictionary<string, RedisValue>(hash.Length, StringComparer.Ordinal);
        foreach (HashEntry entry in hash)
        {
            fields[entry.Name.ToString()] = entry.Value;
        }

        long receipts = (long)fields[ReceiptsField];
        return new QuarantinedWebhook(
            id,
            new WebhookProvider((string)fields[ProviderField]!),
            (byte[])fields[BodyField]!,
            OptionalText(fields, EventTypeField),
            OptionalText(fields, ExpectedEventTypeField),
            Enum.Parse<WebhookParseErrorReason>((string)fields[ReasonField]!),
            OptionalText(fields, JsonPathField),
            (string)fields[ErrorMessageField]!,
            Time(fields[FirstReceivedAtField]),
            Time(fields[LastReceivedAtField]),
            (int)Math.Min(receipts, int.MaxValue));
    }

    private static string? OptionalText(Dictionary<string, RedisValue> fields, string name) =>
        fields.TryGetValue(name, out RedisValue value) ? (string?)value : null;

    private static DateTimeOffset Time(RedisValue value) =>
        DateTimeOffset.ParseExact((string)value!, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static string UnixMilliseconds(DateTimeOffset time) =>
        time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static void AddIfNotNull(List<RedisValue> arguments, string field, string? value)
    {
        if (value is not null)
        {
            arguments.Add(field);
            arguments.Add(value);
        }
    }
}
