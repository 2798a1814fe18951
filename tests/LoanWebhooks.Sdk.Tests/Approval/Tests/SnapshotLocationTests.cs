using System;
using System.IO;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Approval.Tests;

public sealed class SnapshotLocationTests : IDisposable
{
    private readonly TemporaryDirectory checkout = new();

    public void Dispose() => checkout.Dispose();

    [Fact]
    public void Snapshot_folder_is_beside_the_calling_source_file()
    {
        checkout.Write("tests/Sdk.Tests/Payitoff/ParserTests.cs", "// test");

        var folder = Approvals.SnapshotDirectoryFor(checkout.File("tests/Sdk.Tests/Payitoff/ParserTests.cs"), searchFrom: checkout.Path);

        Assert.Equal(checkout.File("tests/Sdk.Tests/Payitoff/Snapshots"), folder);
    }

    [Theory]
    [InlineData("/_/tests/Sdk.Tests/Payitoff/ParserTests.cs")]
    [InlineData("/_1/tests/Sdk.Tests/Payitoff/ParserTests.cs")]
    public void Path_mapped_by_a_deterministic_CI_build_is_found_by_walking_up_from_the_output_folder(string mappedCallerFile)
    {
        checkout.Write("tests/Sdk.Tests/Payitoff/ParserTests.cs", "// test");
        Directory.CreateDirectory(checkout.File("tests/Sdk.Tests/bin/Release/net10.0"));

        var folder = Approvals.SnapshotDirectoryFor(mappedCallerFile, searchFrom: checkout.File("tests/Sdk.Tests/bin/Release/net10.0"));

        Assert.Equal(checkout.File("tests/Sdk.Tests/Payitoff/Snapshots"), folder);
    }

    [Fact]
    public void Unresolvable_source_folder_fails_with_a_hint_instead_of_writing_snapshots_elsewhere()
    {
        var failure = Assert.Throws<InvalidOperationException>(
            () => Approvals.SnapshotDirectoryFor("/_/tests/Missing.Tests/ParserTests.cs", searchFrom: checkout.Path));

        Assert.Contains("DeterministicSourcePaths", failure.Message, StringComparison.Ordinal);
    }
}
