using System;
using System.IO;

namespace LoanWebhooks.Sdk.Tests.Docs;

/// <summary>Files of the clone the tests run from, found by walking up from the test assembly to the solution.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFileName = "LoanWebhooks.Sdk.sln";

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>LoanWebhooks.Sdk.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The full path of <paramref name="relativePath"/> (forward slashes) under the repository root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The text of a repository file, e.g. <c>README.md</c>.</summary>
    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds {SolutionFileName}; the docs tests read the clone they run from.");
    }
}
