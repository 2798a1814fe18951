using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Compares presented credentials with configured secrets so that the time taken reveals neither how
/// much of a secret was guessed, nor how long the secrets are, nor which of several secrets matched.
/// </summary>
/// <remarks>
/// Both sides are reduced to fixed-length keyed digests and compared with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>; a plain span comparison would stop at the
/// first differing byte or at a length mismatch. Digests of the configured secrets are computed once,
/// when a verifier is built, so per-request work depends only on what the caller sent.
/// </remarks>
internal static class ConstantTimeSecrets
{
    internal const int DigestLength = HMACSHA256.HashSizeInBytes;

    // Above this, encoding goes to a pooled array rather than the stack.
    private const int StackEncodingLimit = 256;

    // A random per-process key rather than a bare hash: the digests of the secrets stay in memory for the
    // verifier's lifetime, and unkeyed ones could be brute-forced offline from a memory dump.
    private static readonly ReusableHmacSha256 DigestFunction = new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Computes the digest of a configured secret, once, when a verifier is built.</summary>
    internal static byte[] Digest(string secret)
    {
        var digest = new byte[DigestLength];
        Digest(secret.AsSpan(), digest);
        return digest;
    }

    /// <summary>Computes the digest of the UTF-8 encoding of <paramref name="value"/>.</summary>
    internal static void Digest(ReadOnlySpan<char> value, Span<byte> digest)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        byte[]? rented = null;
        // Stryker disable once Equality,Conditional : equivalent. Stack or pooled buffer, the encoded bytes are the same; the limit only bounds stack use.
        Span<byte> buffer = byteCount <= StackEncodingLimit
            ? stackalloc byte[StackEncodingLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        buffer = buffer[..byteCount];

        try
        {
            Encoding.UTF8.GetBytes(value, buffer);
            Digest(buffer, digest);
        }
        finally
        {
            // The buffer held a credential; do not leave it behind in the stack or the shared pool.
            // Stryker disable once Statement : equivalent. Hygiene: clears credential bytes nothing reads again; no result or timing depends on it.
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                // Stryker disable once Statement : equivalent. Memory only: a buffer not returned to the shared pool is collected instead.
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Computes the digest of bytes that are already encoded.</summary>
    internal static void Digest(ReadOnlySpan<byte> value, Span<byte> digest) => DigestFunction.Compute(value, digest);

    /// <summary>Tells whether <paramref name="presented"/> equals any of the secrets whose digests are given.</summary>
    internal static bool MatchesAny(ReadOnlySpan<char> presented, byte[][] acceptedDigests)
    {
        Span<byte> digest = stackalloc byte[DigestLength];
        Digest(presented, digest);
        return MatchesAny(digest, acceptedDigests);
    }

    /// <summary>Tells whether a presented digest equals any accepted digest, checking every one of them.</summary>
    internal static bool MatchesAny(ReadOnlySpan<byte> presentedDigest, byte[][] acceptedDigests)
    {
        bool matched = false;
        foreach (byte[] accepted in acceptedDigests)
        {
            // No early exit, so the time does not reveal the position of the secret that matched.
            matched |= CryptographicOperations.FixedTimeEquals(presentedDigest, accepted);
        }

        return matched;
    }

    /// <summary>
    /// Tells whether <paramref name="presentedSignature"/> is the HMAC-SHA256 of <paramref name="signedContent"/>
    /// under any of <paramref name="keys"/>, computing and comparing the signature for every key.
    /// </summary>
    /// <remarks>
    /// Here the keys themselves must stay in memory (an HMAC cannot be computed from a digest of its key).
    /// The signatures are fixed-length, so <see cref="CryptographicOperations.FixedTimeEquals"/> compares them
    /// directly; a presented value of another length fails at once, which reveals only its own length.
    /// </remarks>
    internal static bool MatchesAnySignature(ReadOnlySpan<byte> presentedSignature, ReadOnlySpan<byte> signedContent, byte[][] keys)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        bool matched = false;
        foreach (byte[] key in keys)
        {
            HMACSHA256.HashData(key, signedContent, expected);

            // No early exit, so the time does not reveal which key matched.
            matched |= CryptographicOperations.FixedTimeEquals(presentedSignature, expected);
        }

        // Stryker disable once Statement : equivalent. Hygiene: clears credential bytes nothing reads again; no result or timing depends on it.
        CryptographicOperations.ZeroMemory(expected);
        return matched;
    }

    /// <summary>
    /// Tells whether a presented pair (such as a user name and password) equals any accepted pair, checking
    /// both halves of every pair.
    /// </summary>
    internal static bool MatchesAnyPair(
        ReadOnlySpan<byte> presentedFirstDigest,
        ReadOnlySpan<byte> presentedSecondDigest,
        (byte[] First, byte[] Second)[] acceptedDigests)
    {
        bool matched = false;
        foreach ((byte[] first, byte[] second) in acceptedDigests)
        {
            // Non-short-circuit '&' so that a right user name with a wrong password takes as long as
            // a wrong user name: the timing must not confirm that a user name exists.
            matched |= CryptographicOperations.FixedTimeEquals(presentedFirstDigest, first)
                & CryptographicOperations.FixedTimeEquals(presentedSecondDigest, second);
        }

        return matched;
    }
}
