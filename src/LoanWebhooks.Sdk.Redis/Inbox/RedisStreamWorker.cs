using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Idempotency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>
/// Runs the handlers of deliveries in the Redis Streams inbox: reads through the consumer group, restores each entry,
/// keeps (or takes back) its claim, runs the handlers, completes the claim and acknowledges the entry.
/// </summary>
/// <remarks>
/// <para>
/// Takes over entries that a dead worker left pending once they went <see cref="RedisStreamInboxOptions.ClaimIdleTime"/>
/// without a heartbeat (<c>XAUTOCLAIM</c>); the claim's lease travels with the entry, so the takeover runs under the
/// same claim. A failed run leaves the entry pending, to be tried again after the idle time; after
/// <see cref="RedisStreamInboxOptions.MaxAttempts"/> runs (a worker that died counts) it moves to the dead-letter
/// stream with its last error: exception and handler type names, never a message or a payload value.
/// </para>
/// <para>
/// On shutdown it takes nothing new and lets running handlers finish within <see cref="RedisStreamInboxOptions.ShutdownTimeout"/>
/// (or the host's shutdown timeout, when that is shorter); then it cancels them. A cancelled entry stays pending and is taken over after the idle time, without counting an attempt.
/// </para>
/// </remarks>
public sealed partial class RedisStreamWorker : BackgroundService
{
    private const string WorkerStopped = "A worker stopped while it ran the handlers.";

    private readonly IDatabase _database;
    private readonly IWebhookDispatcher _dispatcher;
    private readonly RedisWebhookIdempotencyStore? _claims;
    private readonly RedisStreamInboxOptions _options;
    private readonly RedisKey _stream;
    private readonly RedisKey[] _acknowledgeKeys;
    private readonly RedisKey[] _deadLetterKeys;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly TimeSpan _shutdownTimeout;

    /// <summary>Creates a worker; the host starts and stops it.</summary>
    /// <param name="connection">A connection the application owns.</param>
    /// <param name="dispatcher">Runs the handlers.</param>
    /// <param name="store">The idempotency store; when it is the Redis one, claims are renewed and taken back as described.</param>
    /// <param name="options">Keys, concurrency and timings.</param>
    /// <param name="logger">Logs failures (no payload values).</param>
    public RedisStreamWorker(IConnectionMultiplexer connection, IWebhookDispatcher dispatcher, IWebhookIdempotencyStore store, RedisStreamInboxOptions options, ILogger<RedisStreamWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dispatcher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _database = connection.GetDatabase(options.Database ?? -1);
        _dispatcher = dispatcher;
        _claims = store as RedisWebhookIdempotencyStore;
        _options = options;
        _stream = options.StreamKey;
        _acknowledgeKeys = new RedisKey[] { options.StreamKey, options.AttemptsKey, options.ErrorsKey };
        _deadLetterKeys = new RedisKey[] { options.StreamKey, options.DeadLetterStreamKey, options.AttemptsKey, options.ErrorsKey };
        _logger = logger;
        _shutdownTimeout = options.ShutdownTimeout;
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stopping takes nothing new; the shutdown timeout running out cancels the handlers still running.
        // The host may give up on its own shutdown timeout without cancelling this token, and then dispose the
        // connection: cut running handlers short on our own, shorter timeout, while Redis can still be told.
        _abort.CancelAfter(_shutdownTimeout);

        using (cancellationToken.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort))
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _options.WorkerConcurrency).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        bool groupExists = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            StreamEntry next = StreamEntry.Null;
            try
            {
                groupExists = groupExists || await CreateGroupAsync().ConfigureAwait(false);
                next = await NextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (RedisFailFast.IsRedisFailure(e))
            {
                ReadFailed(_logger, e);
            }

            if (next.IsNull)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            try
            {
                // Not tied to stoppingToken: a taken entry is finished (or cut short by the shutdown timeout).
                await ProcessAsync(next).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Redis, or anything else that is not a handler's failure (the dispatcher reports those as results):
                // the entry stays pending and is taken over after the idle time; this loop goes on.
                SettleFailed(_logger, e);
            }
        }
    }

    private async Task<bool> CreateGroupAsync()
    {
        try
        {
            // From the start of the stream: entries stored before the first worker ever ran are read too.
            await _database.StreamCreateConsumerGroupAsync(_stream, _options.ConsumerGroup, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another worker created it.
        }

        return true;
    }

    /// <summary>An entry a dead (or failed) worker left idle for long enough, else a new one; Null when there is none.</summary>
    private async Task<StreamEntry> NextAsync()
    {
        StreamAutoClaimResult stale = await _database.StreamAutoClaimAsync(
            _stream, _options.ConsumerGroup, _options.ConsumerName, (long)_options.ClaimIdleTime.TotalMilliseconds, "0-0", 1).ConfigureAwait(false);
        if (stale.ClaimedEntries.Length > 0 && !stale.ClaimedEntries[0].IsNull)
        {
            return stale.ClaimedEntries[0];
        }

        StreamEntry[] fresh = await _database.StreamReadGroupAsync(_stream, _options.ConsumerGroup, _options.ConsumerName, StreamPosition.NewMessages, 1).ConfigureAwait(false);
        return fresh.Length > 0 ? fresh[0] : StreamEntry.Null;
    }

    private async Task ProcessAsync(StreamEntry taken)
    {
        RedisValue id = taken.Id;
        if (!RedisInboxEntryFields.TryRead(taken.Values, out WebhookInboxEntry? entry))
        {
            await DeadLetterAsync(id, "The entry lacks fields the inbox writes.", attempts: 0).ConfigureAwait(false);
            return;
        }

        if (!entry.TryRestore(_dispatcher, out WebhookAdmission? admission, out string? failure))
        {
            await DeadLetterAsync(id, failure, attempts: 0).ConfigureAwait(false);
            return;
        }

        WebhookIdempotencyClaim? claim = entry.LeaseId is null
            ? null
            : new WebhookIdempotencyClaim(WebhookIdempotencyKey.For(admission.Event!, entry.Body.Span), WebhookClaimStatus.Claimed, entry.LeaseId);
        if (claim is { } held && _claims is not null)
        {
            WebhookClaimStatus status = await _claims.RenewAsync(held).ConfigureAwait(false);
            if (status == WebhookClaimStatus.AlreadyCompleted)
            {
                // Its handlers ran to completion before (a worker died between completing and acknowledging).
                await AcknowledgeAsync(id).ConfigureAwait(false);
                return;
            }

            if (status == WebhookClaimStatus.InProgress)
            {
                // A redelivery of the same event holds the claim; look again after the idle time.
                HeldElsewhere(_logger, entry.ProviderName);
                return;
            }
        }

        long attempts = await _database.HashIncrementAsync(_options.AttemptsKey, id).ConfigureAwait(false);
        if (attempts > _options.MaxAttempts)
        {
            RedisValue lastError = await _database.HashGetAsync(_options.ErrorsKey, id).ConfigureAwait(false);
            await _dispatcher.AbandonAsync(admission, CancellationToken.None).ConfigureAwait(false);
            await DeadLetterAsync(id, lastError.IsNullOrEmpty ? WorkerStopped : lastError.ToString(), attempts - 1).ConfigureAwait(false);
            return;
        }

        WebhookDispatchResult result;
        using (var heartbeat = new CancellationTokenSource())
        {
            // Beats until the entry is settled: an entry that looks abandoned would be run again by another worker.
            Task beating = BeatAsync(id, claim, heartbeat.Token);
            try
            {
                result = await _dispatcher.ProcessAsync(admission, _abort.Token).ConfigureAwait(false);
                if (result.Outcome == WebhookDispatchOutcome.Accepted)
                {
                    // The dispatcher only logs a completion Redis did not take; the handlers ran, so insist.
                    if (claim is { } completed && _claims is not null)
                    {
                        await UntilRedisTakesItAsync(() => _claims.CompleteAsync(completed).AsTask()).ConfigureAwait(false);
                    }

                    await UntilRedisTakesItAsync(() => AcknowledgeAsync(id)).ConfigureAwait(false);
                    return;
                }
            }
            finally
            {
                await heartbeat.CancelAsync().ConfigureAwait(false);
                await beating.ConfigureAwait(false);
            }
        }

        if (_abort.IsCancellationRequested)
        {
            // Cut short by shutdown: handed back for another worker, not counted as an attempt.
            await _database.HashDecrementAsync(_options.AttemptsKey, id).ConfigureAwait(false);
            return;
        }

        string error = Describe(result);
        HandlersFailed(_logger, entry.ProviderName, attempts, _options.MaxAttempts);
        if (attempts >= _options.MaxAttempts)
        {
            await DeadLetterAsync(id, error, attempts).ConfigureAwait(false);
            return;
        }

        await _database.HashSetAsync(_options.ErrorsKey, id, error).ConfigureAwait(false);
    }

    /// <summary>
    /// Retries a settling command through a Redis outage (until the shutdown timeout runs out): giving up would leave
    /// an entry whose handlers ran to be run again.
    /// </summary>
    private async Task UntilRedisTakesItAsync(Func<Task> command)
    {
        while (true)
        {
            try
            {
                await command().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (RedisFailFast.IsRedisFailure(e) && !_abort.IsCancellationRequested)
            {
                SettleFailed(_logger, e);
                await Task.Delay(_options.PollInterval).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Keeps the entry (and its claim's lease) from looking abandoned while its handlers run.</summary>
    private async Task BeatAsync(RedisValue id, WebhookIdempotencyClaim? claim, CancellationToken stop)
    {
        TimeSpan period = _options.ClaimIdleTime / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, stop).ConfigureAwait(false);
                await _database.StreamClaimIdsOnlyAsync(_stream, _options.ConsumerGroup, _options.ConsumerName, 0, new[] { id }).ConfigureAwait(false);
                if (claim is { } held && _claims is not null)
                {
                    await _claims.RenewAsync(held, CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (RedisFailFast.IsRedisFailure(e))
            {
                HeartbeatFailed(_logger, e);
            }
        }
    }

    private async Task AcknowledgeAsync(RedisValue id) =>
        await _database.ScriptEvaluateAsync(RedisInboxScripts.Acknowledge, _acknowledgeKeys, new RedisValue[] { _options.ConsumerGroup, id }).ConfigureAwait(false);

    private async Task DeadLetterAsync(RedisValue id, string error, long attempts)
    {
        await _database.ScriptEvaluateAsync(
            RedisInboxScripts.DeadLetter,
            _deadLetterKeys,
            new RedisValue[] { _options.ConsumerGroup, id, error, attempts, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }).ConfigureAwait(false);
        DeadLettered(_logger, attempts);
    }

    /// <summary>Type names only: an exception's message may quote the payload.</summary>
    private static string Describe(WebhookDispatchResult result) =>
        string.Concat(
            result.Exception?.GetType().FullName ?? "(no exception)",
            " in ",
            result.FailedHandlerType?.FullName ?? "the handler scope or the idempotency store");

    [LoggerMessage(1, LogLevel.Warning, "The Redis inbox worker could not read the stream; it tries again.")]
    private static partial void ReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "The Redis inbox worker could not settle an entry; it tries again, or leaves it pending to be taken over after the idle time.")]
    private static partial void SettleFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "A {Provider} inbox entry waits: a redelivery of the same event holds its claim.")]
    private static partial void HeldElsewhere(ILogger logger, string provider);

    [LoggerMessage(4, LogLevel.Warning, "The handlers of a {Provider} inbox entry failed (attempt {Attempt} of {MaxAttempts}).")]
    private static partial void HandlersFailed(ILogger logger, string provider, long attempt, int maxAttempts);

    [LoggerMessage(5, LogLevel.Error, "An inbox entry moved to the dead-letter stream after {Attempts} attempts.")]
    private static partial void DeadLettered(ILogger logger, long attempts);

    [LoggerMessage(6, LogLevel.Warning, "The Redis inbox worker could not renew an entry it runs.")]
    private static partial void HeartbeatFailed(ILogger logger, Exception exception);
}
