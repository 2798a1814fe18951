using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LoanWebhooks.Sdk.Generators.Tests.Harness;

internal static class GeneratorAssert
{
    /// <summary>The compiler's id for "generator threw"; the generator then contributes nothing.</summary>
    public const string GeneratorFailedId = "CS8785";

    /// <summary>Fails when the generator threw instead of reporting a diagnostic.</summary>
    public static void DidNotThrow(GeneratorRunResult result)
    {
        Assert.True(result.Exception is null, $"The generator threw: {result.Exception}");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == GeneratorFailedId);
    }

    /// <summary>One line per diagnostic: id, severity, location (1-based, as an IDE shows it) and message.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {diagnostic.Severity} {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public static string FormatAll(GeneratorRunResult result) =>
        result.Diagnostics.IsEmpty ? "(none)" : string.Join("\n", result.Diagnostics.Select(Format));
}
