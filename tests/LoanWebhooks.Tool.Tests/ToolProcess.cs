using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace LoanWebhooks.Tool.Tests;

/// <summary>
/// Runs the built tool as its own process (<c>dotnet loanwebhooks.dll …</c>), as a user's shell or script runs it:
/// real standard output, standard error and exit code, no state shared with the test.
/// </summary>
internal static class ToolProcess
{
    /// <summary>
    /// The tool's entry assembly: referencing the tool's project copies it into the test's output folder with its
    /// runtimeconfig.json and deps.json, so it runs from there as it would from its own folder.
    /// </summary>
    private static readonly string ToolAssembly = Path.Combine(AppContext.BaseDirectory, "loanwebhooks.dll");

    public static ToolRun Run(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolAssembly);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A secret in the test runner's environment must not change what the tool is given.
        start.Environment.Remove(VerifyCommand.SecretVariable);

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("loanwebhooks did not exit within 60 s.");
        }

        return new ToolRun(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
