using Microsoft.Extensions.Configuration;

namespace LoanWebhooks.Sdk.Benchmarks.Http;

/// <summary>What run.sh passes on the command line (<c>--provider spinwheel --count 200000 …</c>).</summary>
internal sealed record BenchmarkSettings(string Provider, int Count, string BodiesFile, string Store, string Redis, int Port, string RunId)
{
    public static BenchmarkSettings From(IConfiguration configuration) => new(
        configuration["provider"] ?? "spinwheel",
        int.Parse(configuration["count"] ?? "1000", System.Globalization.CultureInfo.InvariantCulture),
        configuration["bodies"] ?? throw new ArgumentException("--bodies <file> is required."),
        configuration["store"] ?? "memory",
        configuration["redis"] ?? "127.0.0.1:6379",
        int.Parse(configuration["port"] ?? "5080", System.Globalization.CultureInfo.InvariantCulture),
        configuration["run"] ?? Guid.NewGuid().ToString("N")[..8]);
}
