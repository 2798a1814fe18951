using System;
using System.Globalization;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Inbox;

/// <summary>
/// Runs a command that a waiting provider depends on so that it fails at once while the connection is down, and
/// after a short timeout when Redis does not answer, instead of waiting in the client's reconnect backlog for
/// seconds. Each command decides again, so the first one after the client reconnects goes through.
/// </summary>
internal sealed class RedisFailFast
{
    private readonly IConnectionMultiplexer _connection;
    private readonly TimeSpan _timeout;

    public RedisFailFast(IConnectionMultiplexer connection, TimeSpan timeout)
    {
        _connection = connection;
        _timeout = timeout;
    }

    /// <summary>
    /// Redis down or refusing (<see cref="RedisException"/>) or not answering in time (<see cref="RedisTimeoutException"/>,
    /// which is a <see cref="TimeoutException"/>, not a <see cref="RedisException"/>, and is what <see cref="RunAsync"/>
    /// throws after the timeout): the failures the inbox answers as "retry later" and its workers wait out.
    /// </summary>
    public static bool IsRedisFailure(Exception e) => e is RedisException or RedisTimeoutException;

    /// <exception cref="RedisConnectionException">The connection is down.</exception>
    /// <exception cref="RedisTimeoutException">Redis did not answer in time.</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> command)
    {
        if (!_connection.IsConnected)
        {
            throw new RedisConnectionException(
                ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected; failing fast instead of waiting for the reconnect.", innerException: null, CommandStatus.WaitingToBeSent);
        }

        Task<T> running = command();
        try
        {
            return await running.WaitAsync(_timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The command may still fail later; nobody waits for it any more.
            _ = running.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            throw new RedisTimeoutException(
                CommandFlags.None,
                string.Create(CultureInfo.InvariantCulture, $"Redis did not answer within {_timeout.TotalMilliseconds} ms; failing fast."),
                CommandStatus.Unknown);
        }
    }
}
