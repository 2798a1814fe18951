using System;
using System.Linq;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests;

/// <summary>Theory data over the documented samples, by name (names show up readably in test results).</summary>
internal static class DocumentedSampleData
{
    public static TheoryData<string> Names(Func<DocumentedSample, bool>? filter = null)
    {
        var names = new TheoryData<string>();
        foreach (var sample in DocumentedSamples.All.Where(filter ?? (_ => true)))
        {
            names.Add(sample.Name);
        }

        return names;
    }

    public static DocumentedSample Sample(string name) => DocumentedSamples.All.Single(s => s.Name == name);
}
