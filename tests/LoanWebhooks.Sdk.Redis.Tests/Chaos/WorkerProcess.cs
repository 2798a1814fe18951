using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace LoanWebhooks.Sdk.Redis.Tests.Chaos;

/// <summary>A LoanWebhooks.Sdk.Redis.ChaosWorker process: a worker service on the test's Redis, killed with SIGKILL on demand.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(int redisPort, string prefix, TimeSpan handlerDelay)
    {
        string worker = Path.Combine(AppContext.BaseDirectory, "LoanWebhooks.Sdk.Redis.ChaosWorker.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList =
            {
                worker,
                redisPort.ToString(CultureInfo.InvariantCulture),
                prefix,
                ((int)handlerDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            },
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the chaos worker."));
    }

    /// <summary>SIGKILL: no shutdown, no finally block, nothing handed back.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
