using System;
using System.Security.Cryptography;
using System.Threading;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>HMAC-SHA256 under one key, with a prepared context kept per thread instead of one created per call.</summary>
/// <remarks>
/// <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> sets up a new OpenSSL HMAC context on
/// every call, and for a header value that costs more than the hashing itself (<c>SecretDigestBenchmarks</c>: the
/// one-shot call against a reused context). Shared-secret headers and Basic authentication digest what a delivery
/// presents on every request, so they keep a context per thread and reset it after each digest. A context whose
/// digest failed half-way is discarded rather than reset, so no later digest can start from its state.
/// </remarks>
internal sealed class ReusableHmacSha256 : IDisposable
{
    private readonly byte[] _key;
    private readonly ThreadLocal<IncrementalHash?> _contexts = new();

    /// <param name="key">The HMAC key; kept, not copied.</param>
    public ReusableHmacSha256(byte[] key) => _key = key;

    /// <summary>Writes the HMAC-SHA256 of <paramref name="data"/> to the first 32 bytes of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes; the thread's context is discarded.</exception>
    /// <exception cref="ObjectDisposedException">The instance was disposed.</exception>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        // Stryker disable once Assignment : equivalent. Without the reuse every call creates a context, which computes the same digest; only the speed differs (SecretDigestBenchmarks).
        IncrementalHash context = _contexts.Value ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        try
        {
            context.AppendData(data);
            context.GetHashAndReset(destination);
        }
        catch
        {
            _contexts.Value = null;
            // Stryker disable once Statement : equivalent. Frees the native context now rather than at finalization; nothing can observe which.
            context.Dispose();
            throw;
        }
    }

    /// <summary>Frees the calling thread's context; other threads' contexts are freed when they are collected.</summary>
    public void Dispose()
    {
        // Stryker disable once Statement : equivalent. Frees the native context now rather than at finalization; nothing can observe which.
        _contexts.Value?.Dispose();
        _contexts.Dispose();
    }
}
