using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LoanWebhooks.Sdk.Tests.Approval;

/// <summary>
/// A small line diff for snapshot failure messages: only changed lines, a few lines of context,
/// <c>-</c> for the verified (expected) side and <c>+</c> for the received (actual) side, with line numbers.
/// </summary>
internal static class SnapshotDiff
{
    /// <summary>Lines of unchanged text shown around each change.</summary>
    internal const int ContextLines = 3;

    /// <summary>Above this many cells the LCS table is skipped and the differing middle is shown as replaced.</summary>
    private const long MaxLcsCells = 4_000_000;

    /// <summary>Diff output is cut after this many lines so a completely different snapshot stays readable.</summary>
    private const int MaxOutputLines = 200;

    private enum LineKind
    {
        Same,
        Removed,
        Added,
    }

    private readonly record struct DiffLine(LineKind Kind, int ExpectedNumber, int ActualNumber, string Text);

    /// <summary>
    /// Renders a unified-style diff of two texts whose line endings are already <c>\n</c>.
    /// Returns an empty string when the texts have the same lines.
    /// </summary>
    internal static string Render(string expected, string actual)
    {
        var lines = Compare(SplitLines(expected), SplitLines(actual));
        var changes = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != LineKind.Same)
            {
                changes.Add(i);
            }
        }

        if (changes.Count == 0)
        {
            return string.Empty;
        }

        var width = Math.Max(SplitLines(expected).Length, SplitLines(actual).Length).ToString(CultureInfo.InvariantCulture).Length;
        var output = new StringBuilder();
        var written = 0;
        var hunkStart = 0;
        while (hunkStart < changes.Count)
        {
            // Changes closer than two contexts apart share one hunk.
            var hunkEnd = hunkStart;
            while (hunkEnd + 1 < changes.Count && changes[hunkEnd + 1] - changes[hunkEnd] <= 2 * ContextLines)
            {
                hunkEnd++;
            }

            var first = Math.Max(0, changes[hunkStart] - ContextLines);
            var last = Math.Min(lines.Count - 1, changes[hunkEnd] + ContextLines);
            AppendHunkHeader(output, lines, first, last);
            for (var i = first; i <= last; i++)
            {
                if (written == MaxOutputLines)
                {
                    output.Append("... diff truncated after ").Append(MaxOutputLines).Append(" lines; compare the files for the rest\n");
                    return output.ToString();
                }

                AppendLine(output, lines[i], width);
                written++;
            }

            hunkStart = hunkEnd + 1;
        }

        return output.ToString();
    }

    /// <summary>Splits <c>\n</c>-separated text into lines; a final newline does not make an extra empty line.</summary>
    internal static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return Array.Empty<string>();
        }

        var body = text.EndsWith('\n') ? text[..^1] : text;
        return body.Split('\n');
    }

    private static List<DiffLine> Compare(string[] expected, string[] actual)
    {
        // Trim the common prefix and suffix so the LCS table only covers the part that differs.
        var prefix = 0;
        while (prefix < expected.Length && prefix < actual.Length && expected[prefix] == actual[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < expected.Length - prefix && suffix < actual.Length - prefix
               && expected[expected.Length - 1 - suffix] == actual[actual.Length - 1 - suffix])
        {
            suffix++;
        }

        var result = new List<DiffLine>(expected.Length + actual.Length);
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new DiffLine(LineKind.Same, i + 1, i + 1, expected[i]));
        }

        var expectedMiddle = expected.AsSpan(prefix, expected.Length - prefix - suffix);
        var actualMiddle = actual.AsSpan(prefix, actual.Length - prefix - suffix);
        CompareMiddle(expectedMiddle, actualMiddle, prefix, result);

        for (var i = 0; i < suffix; i++)
        {
            var e = expected.Length - suffix + i;
            var a = actual.Length - suffix + i;
            result.Add(new DiffLine(LineKind.Same, e + 1, a + 1, expected[e]));
        }

        return result;
    }

    private static void CompareMiddle(ReadOnlySpan<string> expected, ReadOnlySpan<string> actual, int offset, List<DiffLine> result)
    {
        var n = expected.Length;
        var m = actual.Length;
        if ((long)(n + 1) * (m + 1) > MaxLcsCells)
        {
            for (var i = 0; i < n; i++)
            {
                result.Add(new DiffLine(LineKind.Removed, offset + i + 1, 0, expected[i]));
            }

            for (var j = 0; j < m; j++)
            {
                result.Add(new DiffLine(LineKind.Added, 0, offset + j + 1, actual[j]));
            }

            return;
        }

        // lcs[i, j] = length of the longest common subsequence of expected[i..] and actual[j..].
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = expected[i] == actual[j]
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && expected[x] == actual[y])
            {
                result.Add(new DiffLine(LineKind.Same, offset + x + 1, offset + y + 1, expected[x]));
                x++;
                y++;
            }
            else if (y == m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(LineKind.Removed, offset + x + 1, 0, expected[x]));
                x++;
            }
            else
            {
                result.Add(new DiffLine(LineKind.Added, 0, offset + y + 1, actual[y]));
                y++;
            }
        }
    }

    private static void AppendHunkHeader(StringBuilder output, List<DiffLine> lines, int first, int last)
    {
        int expectedStart = 0, expectedCount = 0, actualStart = 0, actualCount = 0;
        for (var i = first; i <= last; i++)
        {
            var line = lines[i];
            if (line.Kind != LineKind.Added)
            {
                expectedStart = expectedStart == 0 ? line.ExpectedNumber : expectedStart;
                expectedCount++;
            }

            if (line.Kind != LineKind.Removed)
            {
                actualStart = actualStart == 0 ? line.ActualNumber : actualStart;
                actualCount++;
            }
        }

        output.Append(CultureInfo.InvariantCulture, $"@@ -{expectedStart},{expectedCount} +{actualStart},{actualCount} @@\n");
    }

    private static void AppendLine(StringBuilder output, DiffLine line, int width)
    {
        var marker = line.Kind switch
        {
            LineKind.Removed => '-',
            LineKind.Added => '+',
            _ => ' ',
        };
        var expectedNumber = line.ExpectedNumber == 0 ? string.Empty : line.ExpectedNumber.ToString(CultureInfo.InvariantCulture);
        var actualNumber = line.ActualNumber == 0 ? string.Empty : line.ActualNumber.ToString(CultureInfo.InvariantCulture);
        output.Append(marker)
            .Append(' ')
            .Append(expectedNumber.PadLeft(width))
            .Append(' ')
            .Append(actualNumber.PadLeft(width))
            .Append(" | ")
            .Append(line.Text)
            .Append('\n');
    }
}
