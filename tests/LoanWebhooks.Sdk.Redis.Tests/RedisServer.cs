using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.Tests;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, without persistence, in its own temporary directory;
/// killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Executable = "redis-server";

    /// <summary>
    /// The one line a run without redis-server fails with: every Redis test fails on it (never skips), so it names
    /// the command that fixes it rather than the mechanism that broke.
    /// </summary>
    public const string MissingExecutableMessage =
        "redis-server is not on PATH: run the tests with 'bash scripts/test.sh' (it installs Debian's redis-server first), " +
        "or install it yourself with 'sudo apt-get install -y --no-install-recommends redis-server'.";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _directory;
    private readonly bool _durable;
    private Process _process;

    private RedisServer(Process process, string directory, int port, bool durable)
    {
        _process = process;
        _directory = directory;
        _durable = durable;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a server and waits until it answers PING; a port taken meanwhile by someone else is retried. A durable
    /// one writes every command to its append-only file before answering, so a restart keeps what it acknowledged.
    /// </summary>
    public static async Task<RedisServer> StartAsync(bool durable = false)
    {
        Exception? last = null;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            string directory = Directory.CreateTempSubdirectory("loanwebhooks-redis-").FullName;
            int port = FreePort();
            var server = new RedisServer(StartProcess(directory, port, durable), directory, port, durable);
            try
            {
                await server.WaitUntilReadyAsync();
                return server;
            }
            catch (Exception e)
            {
                last = e;
                await server.DisposeAsync();
            }
        }

        throw new InvalidOperationException("redis-server did not start.", last);
    }

    /// <summary>Freezes the server (SIGSTOP): connections stay open and nothing answers, as on a hung host.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        using Process kill = Process.Start("kill", new[] { signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            ?? throw new InvalidOperationException("Could not run kill.");
        kill.WaitForExit();
    }

    /// <summary>Kills the server (as a crash would) and starts it again on the same port and directory.</summary>
    public async Task RestartAsync()
    {
        Kill();
        _process.Dispose();
        _process = StartProcess(_directory, Port, _durable);
        await WaitUntilReadyAsync();
    }

    private static Process StartProcess(string directory, int port, bool durable)
    {
        string executable = FindExecutable() ?? throw new InvalidOperationException(MissingExecutableMessage);
        return Process.Start(new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", durable ? "yes" : "no",
                "--appendfsync", "always",
                "--dir", directory,
                "--logfile", Path.Combine(directory, "redis.log"),
            },
            WorkingDirectory = directory,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {executable}.");
    }

    /// <summary>A connection to this server; commands fail after a second instead of waiting the default five.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Options());

    public ConfigurationOptions Options()
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { IPAddress.Loopback, Port } },
            AbortOnConnectFail = false,
            ConnectTimeout = 2_000,
            AsyncTimeout = 1_000,
            SyncTimeout = 1_000,
        };
        return options;
    }

    /// <summary>Stops the server at once, as a crash or a network partition would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}: {Log()}");
            }

            if (await AnswersPingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server did not answer PING on port {Port} within {StartTimeout.TotalSeconds} s: {Log()}");
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            NetworkStream stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            int read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private string Log()
    {
        string path = Path.Combine(_directory, "redis.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : "(no log)";
    }

    private static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, Executable))
            .FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
