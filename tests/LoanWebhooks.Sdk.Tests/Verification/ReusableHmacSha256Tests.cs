using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Verification;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>
/// The reused per-thread HMAC context behind every shared-secret and Basic-authentication digest gives exactly what the
/// one-shot <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/> gives: for any length, after any number of
/// earlier digests on the same thread, from many threads at once, and after a call that failed.
/// </summary>
public sealed class ReusableHmacSha256Tests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public void Every_digest_equals_the_one_shot_hmac_whatever_came_before_it_on_the_thread()
    {
        using var hmac = new ReusableHmacSha256(Key);
        var random = new Random(20261127);
        var digest = new byte[HMACSHA256.HashSizeInBytes];

        foreach (int length in new[] { 0, 1, 31, 32, 63, 64, 65, 127, 128, 129, 1000, 7000, 0, 5 })
        {
            byte[] data = new byte[length];
            random.NextBytes(data);

            hmac.Compute(data, digest);

            Assert.Equal(HMACSHA256.HashData(Key, data), digest);
        }
    }

    [Fact]
    public void Threads_digesting_at_once_each_get_the_one_shot_hmac_of_their_own_data()
    {
        using var hmac = new ReusableHmacSha256(Key);

        int mismatches = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var digest = new byte[HMACSHA256.HashSizeInBytes];
            for (int i = 0; i < 2_000; i++)
            {
                byte[] data = BitConverter.GetBytes(worker * 1_000_000 + i);
                hmac.Compute(data, digest);
                if (!digest.AsSpan().SequenceEqual(HMACSHA256.HashData(Key, data)))
                {
                    System.Threading.Interlocked.Increment(ref mismatches);
                }
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void A_destination_too_short_is_refused_and_the_next_digest_is_still_right()
    {
        using var hmac = new ReusableHmacSha256(Key);
        byte[] data = "benchmark-spinwheel-header-secret"u8.ToArray();

        Assert.Throws<ArgumentException>(() => hmac.Compute(data, new byte[HMACSHA256.HashSizeInBytes - 1]));

        var digest = new byte[HMACSHA256.HashSizeInBytes];
        hmac.Compute(data, digest);
        Assert.Equal(HMACSHA256.HashData(Key, data), digest);
    }

    [Fact]
    public void A_disposed_instance_refuses_to_digest()
    {
        var hmac = new ReusableHmacSha256(Key);
        var digest = new byte[HMACSHA256.HashSizeInBytes];
        hmac.Compute("before"u8, digest);

        hmac.Dispose();

        Assert.Throws<ObjectDisposedException>(() => hmac.Compute("after"u8, digest));
        // A thread that never digested has no context of its own to find disposed: the instance itself refuses.
        Exception? failure = null;
        var otherThread = new System.Threading.Thread(() =>
        {
            try
            {
                hmac.Compute("after"u8, new byte[HMACSHA256.HashSizeInBytes]);
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        otherThread.Start();
        otherThread.Join();
        Assert.IsType<ObjectDisposedException>(failure);
    }

    [Fact]
    public void Two_keys_never_share_a_context()
    {
        byte[] otherKey = Key.Select(b => (byte)~b).ToArray();
        using var first = new ReusableHmacSha256(Key);
        using var second = new ReusableHmacSha256(otherKey);
        byte[] data = "same data"u8.ToArray();
        var firstDigest = new byte[HMACSHA256.HashSizeInBytes];
        var secondDigest = new byte[HMACSHA256.HashSizeInBytes];

        first.Compute(data, firstDigest);
        second.Compute(data, secondDigest);

        Assert.Equal(HMACSHA256.HashData(Key, data), firstDigest);
        Assert.Equal(HMACSHA256.HashData(otherKey, data), secondDigest);
    }
}
