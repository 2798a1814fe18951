using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Sdk;

namespace LoanWebhooks.Sdk.Tests.Approval.Tests;

[Collection(SnapshotEnvironmentCollection.Name)]
public sealed class ApprovalsTests : IDisposable
{
    private const string Name = "payitoff/borrower.delinquent";

    private readonly TemporaryDirectory snapshots = new();

    private string VerifiedPath => snapshots.File("payitoff/borrower.delinquent.verified.txt");

    private string ReceivedPath => snapshots.File("payitoff/borrower.delinquent.received.txt");

    public void Dispose() => snapshots.Dispose();

    [Fact]
    public void Passes_when_verified_file_matches()
    {
        using var environment = SnapshotEnvironment.Default();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "Borrower\n  FirstName: \"Ada\"\n");

        Approvals.VerifyInDirectory("Borrower\n  FirstName: \"Ada\"\n", Name, snapshots.Path);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Passes_when_only_line_endings_and_trailing_newlines_differ()
    {
        using var environment = SnapshotEnvironment.Default();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "line 1\r\nline 2\r\n\r\n");

        Approvals.VerifyInDirectory("line 1\nline 2", Name, snapshots.Path);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Deletes_stale_received_file_when_snapshot_matches()
    {
        using var environment = SnapshotEnvironment.Default();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "same\n");
        snapshots.Write("payitoff/borrower.delinquent.received.txt", "old failure\n");

        Approvals.VerifyInDirectory("same", Name, snapshots.Path);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Fails_with_line_diff_and_writes_received_file_when_snapshot_differs()
    {
        using var environment = SnapshotEnvironment.Default();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "Borrower\n  FirstName: \"Ada\"\n  LastName: \"Lovelace\"\n");

        var failure = Assert.Throws<XunitException>(
            () => Approvals.VerifyInDirectory("Borrower\r\n  FirstName: \"Grace\"\r\n  LastName: \"Lovelace\"\r\n", Name, snapshots.Path));

        Assert.Equal("Borrower\n  FirstName: \"Grace\"\n  LastName: \"Lovelace\"\n", File.ReadAllText(ReceivedPath));
        Assert.Equal("Borrower\n  FirstName: \"Ada\"\n  LastName: \"Lovelace\"\n", File.ReadAllText(VerifiedPath));
        Assert.Contains("does not match", failure.Message, StringComparison.Ordinal);
        Assert.Contains(VerifiedPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains(ReceivedPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("@@ -1,3 +1,3 @@\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  1 1 | Borrower\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- 2   |   FirstName: \"Ada\"\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+   2 |   FirstName: \"Grace\"\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/accept-snapshots.sh", failure.Message, StringComparison.Ordinal);
        Assert.Contains("LOANWEBHOOKS_ACCEPT_SNAPSHOTS=1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_diff_shows_changed_lines_with_three_lines_of_context_only()
    {
        using var environment = SnapshotEnvironment.Default();
        var expected = Enumerable.Range(1, 20).Select(i => $"line {i}").ToArray();
        var actual = expected.ToArray();
        actual[9] = "line 10 changed";
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", string.Join("\n", expected));

        var failure = Assert.Throws<XunitException>(() => Approvals.VerifyInDirectory(string.Join("\n", actual), Name, snapshots.Path));

        Assert.Contains("@@ -7,7 +7,7 @@\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("   7  7 | line 7\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- 10    | line 10\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("+    10 | line 10 changed\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("  13 13 | line 13\n", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("| line 6\n", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("| line 14\n", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_as_new_snapshot_and_writes_received_file_when_verified_file_is_missing()
    {
        using var environment = SnapshotEnvironment.Default();

        var failure = Assert.Throws<XunitException>(() => Approvals.VerifyInDirectory("first run", Name, snapshots.Path));

        Assert.Equal("first run\n", File.ReadAllText(ReceivedPath));
        Assert.False(File.Exists(VerifiedPath));
        Assert.Contains("New snapshot 'payitoff/borrower.delinquent'", failure.Message, StringComparison.Ordinal);
        Assert.Contains(VerifiedPath + " (missing)", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ReceivedPath, failure.Message, StringComparison.Ordinal);
        Assert.Contains("  first run\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/accept-snapshots.sh", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_verified_file_and_passes_for_new_snapshot_when_accept_variable_is_set()
    {
        using var environment = SnapshotEnvironment.Accepting();

        Approvals.VerifyInDirectory("first run\r\n\r\n", Name, snapshots.Path);

        Assert.Equal("first run\n", File.ReadAllText(VerifiedPath));
        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Overwrites_differing_verified_file_and_removes_received_file_when_accept_variable_is_set()
    {
        using var environment = SnapshotEnvironment.Accepting();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "old\n");
        snapshots.Write("payitoff/borrower.delinquent.received.txt", "new\n");

        Approvals.VerifyInDirectory("new", Name, snapshots.Path);

        Assert.Equal("new\n", File.ReadAllText(VerifiedPath));
        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Does_not_accept_new_snapshot_when_CI_is_true_even_if_accept_variable_is_set()
    {
        using var environment = SnapshotEnvironment.AcceptingOnCi();

        var failure = Assert.Throws<XunitException>(() => Approvals.VerifyInDirectory("first run", Name, snapshots.Path));

        Assert.False(File.Exists(VerifiedPath));
        Assert.Equal("first run\n", File.ReadAllText(ReceivedPath));
        Assert.Contains("ignored because CI=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_overwrite_differing_snapshot_when_CI_is_true_even_if_accept_variable_is_set()
    {
        using var environment = SnapshotEnvironment.AcceptingOnCi();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "old\n");

        var failure = Assert.Throws<XunitException>(() => Approvals.VerifyInDirectory("new", Name, snapshots.Path));

        Assert.Equal("old\n", File.ReadAllText(VerifiedPath));
        Assert.Contains("ignored because CI=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_reads_snapshots_from_Snapshots_folder_beside_the_calling_source_file()
    {
        using var environment = SnapshotEnvironment.Default();
        snapshots.Write("FakeTests.cs", "// stands in for the calling test file");
        snapshots.Write("Snapshots/payitoff/borrower.delinquent.verified.txt", "from beside the caller\n");

        Approvals.Verify("from beside the caller", Name, callerFile: snapshots.File("FakeTests.cs"));

        var failure = Assert.Throws<XunitException>(
            () => Approvals.Verify("something else", Name, callerFile: snapshots.File("FakeTests.cs")));
        Assert.Contains(snapshots.File("Snapshots/payitoff/borrower.delinquent.received.txt"), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_verifications_of_different_snapshots_each_write_their_own_file()
    {
        using var environment = SnapshotEnvironment.Accepting();

        Parallel.For(0, 64, i => Approvals.VerifyInDirectory($"snapshot {i}", $"provider{i % 4}/event{i}", snapshots.Path));

        for (var i = 0; i < 64; i++)
        {
            Assert.Equal($"snapshot {i}\n", File.ReadAllText(snapshots.File($"provider{i % 4}/event{i}.verified.txt")));
        }

        Assert.Empty(Directory.GetFiles(snapshots.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Parallel_verifications_of_the_same_snapshot_do_not_corrupt_it()
    {
        using var environment = SnapshotEnvironment.Default();
        snapshots.Write("payitoff/borrower.delinquent.verified.txt", "stable\n");

        var failures = 0;
        Parallel.For(0, 64, i =>
        {
            try
            {
                Approvals.VerifyInDirectory(i % 2 == 0 ? "stable" : "changed", Name, snapshots.Path);
            }
            catch (XunitException)
            {
                System.Threading.Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(32, failures);
        Assert.Equal("stable\n", File.ReadAllText(VerifiedPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("/absolute")]
    [InlineData("payitoff//double")]
    [InlineData("payitoff\\backslash")]
    [InlineData("payitoff/./dot")]
    [InlineData("trailing/")]
    public void Rejects_snapshot_names_that_are_not_simple_relative_paths(string snapshotName)
    {
        using var environment = SnapshotEnvironment.Default();

        Assert.ThrowsAny<ArgumentException>(() => Approvals.VerifyInDirectory("text", snapshotName, snapshots.Path));
        Assert.Empty(Directory.GetFileSystemEntries(snapshots.Path));
    }
}
