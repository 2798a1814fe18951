using System;
using System.Linq;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Approval.Tests;

public sealed class SnapshotDiffTests
{
    [Fact]
    public void Inserted_line_appears_only_on_the_received_side()
    {
        var diff = SnapshotDiff.Render("a\nb\nc\n", "a\nb\nnew\nc\n");

        Assert.Equal(
            """
            @@ -1,3 +1,4 @@
              1 1 | a
              2 2 | b
            +   3 | new
              3 4 | c

            """,
            diff);
    }

    [Fact]
    public void Removed_line_appears_only_on_the_verified_side()
    {
        var diff = SnapshotDiff.Render("a\nold\nb\n", "a\nb\n");

        Assert.Equal(
            """
            @@ -1,3 +1,2 @@
              1 1 | a
            - 2   | old
              3 2 | b

            """,
            diff);
    }

    [Fact]
    public void Changes_far_apart_are_shown_as_separate_hunks()
    {
        var expected = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"line {i}")) + "\n";
        var actual = expected.Replace("line 2\n", "line two\n", StringComparison.Ordinal)
            .Replace("line 25\n", "line twenty-five\n", StringComparison.Ordinal);

        var diff = SnapshotDiff.Render(expected, actual);

        Assert.StartsWith("@@ -1,5 +1,5 @@\n", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -22,7 +22,7 @@\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("| line 10\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_lines_give_an_empty_diff()
    {
        Assert.Equal(string.Empty, SnapshotDiff.Render("a\nb\n", "a\nb\n"));
    }
}
