using System.Linq;
using LoanWebhooks.Sdk.Events;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.PublicApi;

/// <summary>Consumers must not need anything beyond the framework (and, later, Microsoft.Extensions abstractions).</summary>
public sealed class PackageDependencyTests
{
    [Fact]
    public void Sdk_assembly_references_only_framework_and_extensions_abstractions()
    {
        var references = typeof(WebhookEvent).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name == "netstandard" || name.StartsWith("System", System.StringComparison.Ordinal) ||
            (name.StartsWith("Microsoft.Extensions.", System.StringComparison.Ordinal) && name.EndsWith(".Abstractions", System.StringComparison.Ordinal)),
            $"Unexpected runtime dependency: {name}"));
        Assert.DoesNotContain(references, name => name.Contains("Generators", System.StringComparison.Ordinal));
    }
}
