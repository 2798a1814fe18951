using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace LoanWebhooks.Sdk.Tests.Approval;

/// <summary>
/// Snapshot ("approval") assertions: compares text with a committed
/// <c>Snapshots/&lt;name&gt;.verified.txt</c> next to the calling test's source file.
/// On a difference it writes <c>&lt;name&gt;.received.txt</c> beside it and fails with a line diff.
/// </summary>
public static class Approvals
{
    /// <summary>Set to <c>1</c> to write received text straight into the verified files (ignored when <c>CI=true</c>).</summary>
    public const string AcceptVariable = "LOANWEBHOOKS_ACCEPT_SNAPSHOTS";

    /// <summary>Folder, next to the calling test's source file, that holds its snapshots.</summary>
    public const string SnapshotFolderName = "Snapshots";

    internal const string VerifiedSuffix = ".verified.txt";
    internal const string ReceivedSuffix = ".received.txt";
    internal const string AcceptScript = "scripts/accept-snapshots.sh";

    /// <summary>Lines of a new snapshot shown in the failure message; the received file has all of it.</summary>
    private const int NewSnapshotPreviewLines = 100;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // One lock per verified file: parallel tests with different snapshots never wait on each other,
    // and two verifications of the same file cannot interleave their reads and writes.
    private static readonly ConcurrentDictionary<string, object> FileLocks = new(StringComparer.Ordinal);

    // Deterministic CI builds map source paths to "/_/..." (or "/_1/..." for a second source root).
    private static readonly Regex MappedSourcePath = new("^/_[0-9]*/(?<relative>.+)$", RegexOptions.CultureInvariant);

    private enum AcceptMode
    {
        Off,
        Accept,
        BlockedByCi,
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the snapshot
    /// <c>Snapshots/<paramref name="snapshotName"/>.verified.txt</c> beside the calling test's source file.
    /// </summary>
    /// <param name="actual">Text to compare; line endings are normalised to <c>\n</c> and it ends with one newline.</param>
    /// <param name="snapshotName">File name without suffix; <c>/</c> makes subfolders, e.g. <c>payitoff/borrower.delinquent</c>.</param>
    /// <param name="callerFile">Filled in by the compiler; do not pass.</param>
    /// <exception cref="XunitException">The snapshot is missing or differs.</exception>
    public static void Verify(string actual, string snapshotName, [CallerFilePath] string callerFile = "")
    {
        VerifyInDirectory(actual, snapshotName, SnapshotDirectoryFor(callerFile, AppContext.BaseDirectory));
    }

    /// <summary>Same as <see cref="Verify"/>, with the snapshot folder given explicitly (used by the helper's own tests).</summary>
    internal static void VerifyInDirectory(string actual, string snapshotName, string snapshotDirectory)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentException.ThrowIfNullOrEmpty(snapshotDirectory);

        var basePath = Path.GetFullPath(Path.Combine(snapshotDirectory, ToRelativePath(snapshotName)));
        var verifiedPath = basePath + VerifiedSuffix;
        var receivedPath = basePath + ReceivedSuffix;
        var received = Normalize(actual);
        var mode = ReadAcceptMode();

        lock (FileLocks.GetOrAdd(verifiedPath, static _ => new object()))
        {
            var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Utf8NoBom)) : null;
            if (verified == received)
            {
                File.Delete(receivedPath);
                return;
            }

            if (mode == AcceptMode.Accept)
            {
                WriteAtomically(verifiedPath, received);
                File.Delete(receivedPath);
                return;
            }

            WriteAtomically(receivedPath, received);
            throw new XunitException(verified is null
                ? NewSnapshotMessage(snapshotName, verifiedPath, receivedPath, received, mode)
                : MismatchMessage(snapshotName, verifiedPath, receivedPath, verified, received, mode));
        }
    }

    /// <summary>Converts <c>\r\n</c> and <c>\r</c> to <c>\n</c> and makes the text end with exactly one newline.</summary>
    internal static string Normalize(string text)
    {
        var unix = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return unix.TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// The <c>Snapshots</c> folder beside <paramref name="callerFile"/>. When the build mapped source paths to
    /// <c>/_/…</c> (CI deterministic builds), the real folder is found by walking up from <paramref name="searchFrom"/>.
    /// </summary>
    internal static string SnapshotDirectoryFor(string callerFile, string searchFrom)
    {
        if (string.IsNullOrEmpty(callerFile))
        {
            throw new InvalidOperationException(
                "Approvals.Verify could not tell which test called it: [CallerFilePath] was empty. Call it directly from the test source file.");
        }

        var sourceDirectory = Path.GetDirectoryName(callerFile);
        if (!string.IsNullOrEmpty(sourceDirectory) && Directory.Exists(sourceDirectory))
        {
            return Path.Combine(sourceDirectory, SnapshotFolderName);
        }

        var mapped = MappedSourcePath.Match(callerFile.Replace('\\', '/'));
        if (mapped.Success)
        {
            var relativeDirectory = Path.GetDirectoryName(mapped.Groups["relative"].Value) ?? string.Empty;
            for (var candidateRoot = new DirectoryInfo(searchFrom); candidateRoot is not null; candidateRoot = candidateRoot.Parent)
            {
                var candidate = Path.Combine(candidateRoot.FullName, relativeDirectory);
                if (Directory.Exists(candidate))
                {
                    return Path.Combine(candidate, SnapshotFolderName);
                }
            }
        }

        throw new InvalidOperationException(
            $"Approvals.Verify could not find the source folder of '{callerFile}', so it cannot locate the snapshots. " +
            "Run the tests from a checkout of the repository, or set <DeterministicSourcePaths>false</DeterministicSourcePaths> in the test project.");
    }

    private static string ToRelativePath(string snapshotName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotName);
        if (snapshotName.Contains('\\', StringComparison.Ordinal) || snapshotName.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Snapshot name '{snapshotName}' must use '/' to separate folders.", nameof(snapshotName));
        }

        var segments = snapshotName.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment == "." || segment == ".." || segment.Trim().Length != segment.Length)
            {
                throw new ArgumentException(
                    $"Snapshot name '{snapshotName}' must be a relative path of non-empty folder names without '.', '..' or surrounding spaces, e.g. 'payitoff/borrower.delinquent'.",
                    nameof(snapshotName));
            }
        }

        return Path.Combine(segments);
    }

    private static AcceptMode ReadAcceptMode()
    {
        if (!IsSet(Environment.GetEnvironmentVariable(AcceptVariable)))
        {
            return AcceptMode.Off;
        }

        return IsSet(Environment.GetEnvironmentVariable("CI")) ? AcceptMode.BlockedByCi : AcceptMode.Accept;

        static bool IsSet(string? value)
        {
            var trimmed = value?.Trim();
            return trimmed == "1" || string.Equals(trimmed, "true", StringComparison.OrdinalIgnoreCase);
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write a uniquely named sibling, then move it over the target, so no reader sees half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text, Utf8NoBom);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string MismatchMessage(string name, string verifiedPath, string receivedPath, string verified, string received, AcceptMode mode)
    {
        var message = new StringBuilder()
            .Append("Snapshot '").Append(name).Append("' does not match.\n")
            .Append("  verified: ").Append(verifiedPath).Append('\n')
            .Append("  received: ").Append(receivedPath).Append('\n')
            .Append('\n')
            .Append("Diff (- verified, + received; columns are verified and received line numbers):\n")
            .Append(SnapshotDiff.Render(verified, received))
            .Append('\n');
        AppendHowToAccept(message, mode);
        return message.ToString();
    }

    private static string NewSnapshotMessage(string name, string verifiedPath, string receivedPath, string received, AcceptMode mode)
    {
        var message = new StringBuilder()
            .Append("New snapshot '").Append(name).Append("': there is no verified file yet.\n")
            .Append("  verified: ").Append(verifiedPath).Append(" (missing)\n")
            .Append("  received: ").Append(receivedPath).Append('\n')
            .Append('\n')
            .Append("Received:\n");

        var lines = SnapshotDiff.SplitLines(received);
        var shown = Math.Min(lines.Length, NewSnapshotPreviewLines);
        for (var i = 0; i < shown; i++)
        {
            message.Append("  ").Append(lines[i]).Append('\n');
        }

        if (lines.Length > shown)
        {
            message.Append("  ... ").Append(lines.Length - shown).Append(" more lines in the received file\n");
        }

        message.Append('\n');
        AppendHowToAccept(message, mode);
        return message.ToString();
    }

    private static void AppendHowToAccept(StringBuilder message, AcceptMode mode)
    {
        if (mode == AcceptMode.BlockedByCi)
        {
            message.Append(AcceptVariable).Append("=1 is ignored because CI=true: snapshots are never accepted on CI. ")
                .Append("Accept them locally and commit the .verified.txt files.\n");
            return;
        }

        message.Append("If the received text is right, accept it: run ").Append(AcceptScript)
            .Append(" from the repository root, or re-run the tests with ").Append(AcceptVariable).Append("=1.\n");
    }
}
