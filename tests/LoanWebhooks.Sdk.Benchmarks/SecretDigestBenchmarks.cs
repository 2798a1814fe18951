using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Benchmarks;

/// <summary>
/// What digesting a presented secret costs. Shared-secret headers (Spinwheel) and Basic authentication (Payitoff) reduce
/// what a delivery presents to a keyed HMAC-SHA256 before comparing it in constant time: once per header value, twice
/// per Basic credential. The one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> sets
/// up an OpenSSL context per call; a reused <see cref="IncrementalHash"/> only resets it. <c>SharedSecretHeader_Verify</c>
/// is the SDK's whole Spinwheel-style header check, which now reuses a context per thread.
/// </summary>
[MemoryDiagnoser]
public class SecretDigestBenchmarks
{
    private const string SpinwheelHeader = "X-Spinwheel-Secret";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _presented = Encoding.UTF8.GetBytes(Secrets.Spinwheel);
    private readonly byte[] _digest = new byte[HMACSHA256.HashSizeInBytes];
    private IncrementalHash _reused = null!;
    private SharedSecretHeaderVerifier _verifier = null!;
    private WebhookRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reused = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        _verifier = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = SpinwheelHeader, Secrets = { Secrets.Spinwheel } });
        _request = new WebhookRequest(
            "{}"u8.ToArray(),
            WebhookHeaders.Create(new Dictionary<string, string[]> { [SpinwheelHeader] = [Secrets.Spinwheel] }));
    }

    [GlobalCleanup]
    public void Cleanup() => _reused.Dispose();

    [Benchmark(Baseline = true)]
    public int Hmac_OneShot() => HMACSHA256.HashData(_key, _presented, _digest);

    [Benchmark]
    public int Hmac_ReusedContext()
    {
        _reused.AppendData(_presented);
        return _reused.GetHashAndReset(_digest);
    }

    [Benchmark]
    public bool SharedSecretHeader_Verify() => _verifier.Verify(_request).IsVerified;
}
