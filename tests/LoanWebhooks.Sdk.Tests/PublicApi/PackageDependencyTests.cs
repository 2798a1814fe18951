using System;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Redis;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.PublicApi;

/// <summary>
/// Consumers need nothing beyond the framework and the three Microsoft.Extensions packages every ASP.NET Core and
/// worker app already has (dependency injection and logging abstractions, options).
/// </summary>
public sealed class PackageDependencyTests
{
    private static readonly string[] AllowedExtensions =
    {
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Options",
    };

    [Fact]
    public void Sdk_assembly_references_only_framework_and_the_allowed_extensions()
    {
        var references = typeof(WebhookEvent).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal) || AllowedExtensions.Contains(name),
            $"Unexpected runtime dependency: {name}"));
        Assert.DoesNotContain(references, name => name.Contains("Generators", StringComparison.Ordinal));
    }

    [Fact]
    public void Testing_assembly_does_not_depend_on_AspNetCore()
    {
        var references = typeof(DocumentedSamples).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    // The Redis Streams inbox extends ProcessInBackground's options (LoanWebhooks.Sdk.AspNetCore), and its workers are
    // hosted services (Hosting.Abstractions, which every web and worker app has; not Hosting itself).
    [Fact]
    public void Redis_assembly_references_only_the_sdk_its_AspNetCore_package_StackExchange_Redis_hosting_and_the_allowed_extensions()
    {
        var references = typeof(RedisWebhookIdempotencyStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("StackExchange.Redis", references);
        Assert.All(references, name => Assert.True(
            name is "netstandard" or "LoanWebhooks.Sdk" or "LoanWebhooks.Sdk.AspNetCore" or "StackExchange.Redis" or "Microsoft.Extensions.Hosting.Abstractions"
                || name.StartsWith("System", StringComparison.Ordinal) || AllowedExtensions.Contains(name),
            $"Unexpected runtime dependency: {name}"));
    }
}
