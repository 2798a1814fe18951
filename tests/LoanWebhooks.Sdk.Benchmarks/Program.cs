using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project tests/LoanWebhooks.Sdk.Benchmarks -- --filter '*'</c>.
/// Every BenchmarkDotNet switch works (<c>--job dry</c>, <c>--filter '*Canopy*'</c>, <c>--inProcess</c>); see docs/performance.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // Each run builds a copy of the solution with the source generator; two minutes is not always enough.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
