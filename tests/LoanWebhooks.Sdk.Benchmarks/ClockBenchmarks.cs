using System;
using BenchmarkDotNet.Attributes;

namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>
/// What one clock read costs on this machine. The dispatcher reads the monotonic clock twice per delivery (for
/// <c>WebhookDispatchResult.Duration</c>); the cost depends on the clock source (TSC, kvm-clock, hpet…), not on the SDK.
/// </summary>
public class ClockBenchmarks
{
    [Benchmark(Baseline = true)]
    public long TimeProvider_GetTimestamp() => TimeProvider.System.GetTimestamp();

    [Benchmark]
    public DateTimeOffset TimeProvider_GetUtcNow() => TimeProvider.System.GetUtcNow();
}
