using System;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using LoanWebhooks.Sdk.Events;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Benchmarks;

/// <summary>
/// Proves the benchmarks execute — each method once, in-process, on its real fixture — without measuring or
/// judging anything: that is BenchmarkDotNet's job (docs/performance.md). Keeps CI time small.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly Type[] BenchmarkClasses = typeof(LoanWebhooks.Sdk.Benchmarks.Program).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true } && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkAttribute))))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> ClassNames() => new(BenchmarkClasses.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void Every_benchmark_method_runs_once(string className)
    {
        var type = BenchmarkClasses.Single(t => t.Name == className);
        object instance = Activator.CreateInstance(type)!;
        Invoke<GlobalSetupAttribute>(type, instance);

        var benchmarks = type.GetMethods().Where(m => m.IsDefined(typeof(BenchmarkAttribute))).ToList();
        foreach (var method in benchmarks)
        {
            object? result = method.Invoke(instance, null);

            Assert.True(result is not null, $"{className}.{method.Name} returned nothing.");
            Assert.True(result is not int count || count > 0, $"{className}.{method.Name} counted nothing.");
        }

        Invoke<GlobalCleanupAttribute>(type, instance);
        Assert.Single(benchmarks, m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline);
    }

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void BenchmarkDotNet_accepts_every_benchmark_class(string className)
    {
        var type = BenchmarkClasses.Single(t => t.Name == className);

        var run = BenchmarkConverter.TypeToBenchmarks(type);

        Assert.NotEmpty(run.BenchmarksCases);
    }

    [Fact]
    public void Every_provider_is_benchmarked_including_the_large_canopy_body()
    {
        var names = BenchmarkClasses.Select(t => t.Name).ToList();

        Assert.All(WebhookProvider.BuiltIn, provider => Assert.Contains(names, n => n.StartsWith(provider.ToString(), StringComparison.Ordinal)));
        Assert.Contains("CanopyAccountUpdateBenchmarks", names);
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.IsDefined(typeof(TAttribute))))
        {
            method.Invoke(instance, null);
        }
    }
}
