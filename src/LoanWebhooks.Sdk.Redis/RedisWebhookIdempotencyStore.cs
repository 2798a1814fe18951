using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Idempotency;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis;

/// <summary>
/// An <see cref="IWebhookIdempotencyStore"/> in Redis, shared by every instance that receives webhooks: of concurrent
/// deliveries of one event to any number of instances, exactly one runs the handlers.
/// </summary>
/// <remarks>
/// <para>
/// One Redis string per delivery key. <see cref="ClaimAsync"/> is <c>SET key &lt;lease id&gt; NX PX &lt;lease&gt;</c>
/// (atomic: of concurrent claims exactly one sets the key) and, when the key exists, reads it in the same Lua script:
/// the completed marker means <see cref="WebhookClaimStatus.AlreadyCompleted"/>, a lease id means
/// <see cref="WebhookClaimStatus.InProgress"/>. <see cref="CompleteAsync"/> replaces the claimant's own lease with the
/// completed marker for <see cref="RedisWebhookIdempotencyStoreOptions.CompletedRetention"/>;
/// <see cref="ReleaseAsync"/> deletes it so the provider's redelivery is processed again. Both compare the lease id
/// first: an instance whose lease expired and was claimed by another instance leaves the newer claim alone.
/// (<c>IDistributedCache</c> has no atomic add, so it cannot give this guarantee.)
/// </para>
/// <para>
/// Redis errors (connection, timeout, server) are not swallowed: they propagate, and the dispatcher answers a failed
/// claim with <see cref="Dispatch.WebhookDispatchOutcome.Failed"/> and the provider's retryable status without running
/// a handler, so the provider redelivers later. A claim (and a release) fails at once while the connection is down and
/// after <see cref="RedisWebhookIdempotencyStoreOptions.CommandTimeout"/> when Redis does not answer, instead of
/// waiting in the client's reconnect backlog; the first claim after the client reconnected goes through. A release that
/// failed leaves the lease to expire after <see cref="RedisWebhookIdempotencyStoreOptions.ClaimLease"/>; until then
/// redeliveries are answered as in progress (retryable). Completion is not cut short: it records handlers that ran.
/// A command that was sent runs to completion even when the token is cancelled meanwhile, so that no claim is left
/// behind that the caller does not know about.
/// </para>
/// </remarks>
public sealed class RedisWebhookIdempotencyStore : IWebhookIdempotencyStore
{
    // No lease id (32 hex digits) can be equal to it.
    private const string CompletedMarker = "completed";

    private const int Claimed = 1;
    private const int AlreadyCompleted = 2;

    // Returns 1 when this call set the key, 2 when it holds the completed marker, 3 when another lease holds it.
    private const string ClaimScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        if redis.call('GET', KEYS[1]) == ARGV[3] then return 2 end
        return 3
        """;

    // Completes our own lease, or an expired one that nobody claimed again (the handlers did run, so remember it);
    // leaves another claimant's lease and an existing completion alone.
    private const string CompleteScript = """
        local current = redis.call('GET', KEYS[1])
        if current == ARGV[1] or not current then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
        end
        return 0
        """;

    // Keeps or takes back a lease for the inbox worker that runs a stored delivery: renews it when it is still this
    // lease, retakes it when it expired or was released; 2 when the key was completed, 3 when another lease holds it.
    private const string RenewScript = """
        local current = redis.call('GET', KEYS[1])
        if current == ARGV[1] or not current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
        end
        if current == ARGV[3] then return 2 end
        return 3
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    private readonly IDatabase _database;
    private readonly string _keyPrefix;
    private readonly RedisValue _claimLeaseMilliseconds;
    private readonly RedisValue _completedRetentionMilliseconds;
    private readonly Inbox.RedisFailFast _failFast;

    /// <summary>Creates a store on <paramref name="connection"/> from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="connection">A connection shared with the rest of the application; the store does not dispose it.</param>
    /// <param name="options">Key prefix, lifetimes and database; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is <see langword="null"/>.</exception>
    public RedisWebhookIdempotencyStore(IConnectionMultiplexer connection, RedisWebhookIdempotencyStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new RedisWebhookIdempotencyStoreOptions();
        _database = connection.GetDatabase(options.Database ?? -1);
        _keyPrefix = options.KeyPrefix;
        _claimLeaseMilliseconds = Milliseconds(options.ClaimLease);
        _completedRetentionMilliseconds = Milliseconds(options.CompletedRetention);
        _failFast = new Inbox.RedisFailFast(connection, options.CommandTimeout);
    }

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis could not be reached or refused the command (subclasses include connection and timeout errors).</exception>
    public async ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyKey.ThrowIfDefault(key);
        cancellationToken.ThrowIfCancellationRequested();

        string leaseId = RandomNumberGenerator.GetHexString(32, lowercase: true);
        RedisKey redisKey = GetRedisKey(key);
        RedisResult result = await _failFast.RunAsync(() => _database.ScriptEvaluateAsync(
            ClaimScript,
            new[] { redisKey },
            new RedisValue[] { leaseId, _claimLeaseMilliseconds, CompletedMarker })).ConfigureAwait(false);

        return (int)result switch
        {
            Claimed => new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, leaseId),
            AlreadyCompleted => new WebhookIdempotencyClaim(key, WebhookClaimStatus.AlreadyCompleted, leaseId: null),
            _ => new WebhookIdempotencyClaim(key, WebhookClaimStatus.InProgress, leaseId: null),
        };
    }

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyClaim.ThrowIfNotClaimed(claim);
        cancellationToken.ThrowIfCancellationRequested();

        await _database.ScriptEvaluateAsync(
            CompleteScript,
            new[] { GetRedisKey(claim.Key) },
            new RedisValue[] { claim.LeaseId, CompletedMarker, _completedRetentionMilliseconds }).ConfigureAwait(false);
    }

    /// <summary>
    /// Renews a lease for another <see cref="RedisWebhookIdempotencyStoreOptions.ClaimLease"/>, or takes it back when it
    /// expired or was released meanwhile: what a durable inbox's worker does before it runs a stored delivery under the
    /// claim taken when the delivery arrived, and while it runs.
    /// </summary>
    /// <param name="claim">The stored claim (status <see cref="WebhookClaimStatus.Claimed"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see cref="WebhookClaimStatus.Claimed"/> when the lease is held again; <see cref="WebhookClaimStatus.AlreadyCompleted"/>
    /// when the key was completed (the handlers ran); <see cref="WebhookClaimStatus.InProgress"/> when another lease holds it.
    /// </returns>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask<WebhookClaimStatus> RenewAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyClaim.ThrowIfNotClaimed(claim);
        cancellationToken.ThrowIfCancellationRequested();

        RedisResult result = await _database.ScriptEvaluateAsync(
            RenewScript,
            new[] { GetRedisKey(claim.Key) },
            new RedisValue[] { claim.LeaseId, _claimLeaseMilliseconds, CompletedMarker }).ConfigureAwait(false);
        return (int)result switch
        {
            Claimed => WebhookClaimStatus.Claimed,
            AlreadyCompleted => WebhookClaimStatus.AlreadyCompleted,
            _ => WebhookClaimStatus.InProgress,
        };
    }

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis could not be reached or refused the command.</exception>
    public async ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        WebhookIdempotencyClaim.ThrowIfNotClaimed(claim);
        cancellationToken.ThrowIfCancellationRequested();

        // Fails fast like a claim: a provider waits for it when a delivery is given back, and a release that does not
        // happen only leaves the lease to expire.
        RedisKey redisKey = GetRedisKey(claim.Key);
        await _failFast.RunAsync(() => _database.ScriptEvaluateAsync(
            ReleaseScript,
            new[] { redisKey },
            new RedisValue[] { claim.LeaseId })).ConfigureAwait(false);
    }

    /// <summary>
    /// The Redis key that holds <paramref name="key"/>'s state, e.g. <c>loanwebhooks:idempotency:spinwheel:id:3f9a…</c>
    /// (for inspecting Redis). The provider's event type and id come from the payload, so they are hashed (SHA-256,
    /// length-prefixed): no payload can produce another delivery's key or reach outside the prefix.
    /// </summary>
    /// <param name="key">The delivery's key.</param>
    /// <returns>The prefix, the provider, <c>id</c> or <c>body</c>, and 64 hex digits.</returns>
    public RedisKey GetRedisKey(WebhookIdempotencyKey key)
    {
        WebhookIdempotencyKey.ThrowIfDefault(key);

        // "<length of event type>:<event type><value>" is unambiguous, so distinct (event type, value) pairs never collide.
        string eventType = key.EventType ?? string.Empty;
        string material = string.Concat(eventType.Length.ToString(CultureInfo.InvariantCulture), ":", eventType, key.Value);

        // UTF-16 code units as they are: an encoder would map unpaired surrogates to one replacement character.
        byte[] bytes = new byte[material.Length * sizeof(char)];
        for (int i = 0; i < material.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * sizeof(char)), material[i]);
        }

        string hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        string source = key.Source == WebhookIdempotencyKeySource.ProviderId ? ":id:" : ":body:";
        return new RedisKey(string.Concat(_keyPrefix, key.Provider.ToString().ToLowerInvariant(), source, hash));
    }

    private static RedisValue Milliseconds(TimeSpan duration) => (long)Math.Ceiling(duration.TotalMilliseconds);
}
