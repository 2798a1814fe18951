using System;
using System.IO;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Approval.Tests;

/// <summary>
/// Tests that change <c>LOANWEBHOOKS_ACCEPT_SNAPSHOTS</c> or <c>CI</c>. Environment variables are process-wide,
/// so this collection runs on its own, after every parallel collection, and never beside another snapshot test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SnapshotEnvironmentCollection
{
    public const string Name = "Snapshot environment variables";
}

/// <summary>Sets the accept and CI variables for one test and restores the previous values on dispose.</summary>
internal sealed class SnapshotEnvironment : IDisposable
{
    private readonly string? previousAccept = Environment.GetEnvironmentVariable(Approvals.AcceptVariable);
    private readonly string? previousCi = Environment.GetEnvironmentVariable("CI");

    private SnapshotEnvironment(string? accept, string? ci)
    {
        Environment.SetEnvironmentVariable(Approvals.AcceptVariable, accept);
        Environment.SetEnvironmentVariable("CI", ci);
    }

    /// <summary>Neither variable set: the default for a developer running the tests.</summary>
    public static SnapshotEnvironment Default() => new(accept: null, ci: null);

    public static SnapshotEnvironment Accepting() => new(accept: "1", ci: null);

    public static SnapshotEnvironment AcceptingOnCi() => new(accept: "1", ci: "true");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Approvals.AcceptVariable, previousAccept);
        Environment.SetEnvironmentVariable("CI", previousCi);
    }
}

/// <summary>A fresh folder under the system temp directory, deleted on dispose, so tests never write into the repository.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "loanwebhooks-approval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public void Write(string relativePath, string text)
    {
        var path = File(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
