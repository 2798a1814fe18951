using System;
using System.Security.Cryptography;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// One public key that checks signatures with SHA-256: RSASSA-PKCS1-v1_5 for an RSA key, ECDSA with a DER-encoded
/// (RFC 3279) signature for an EC key, which is what Node.js <c>crypto.createVerify("SHA256")</c> checks.
/// </summary>
/// <remarks>
/// The key is imported once, at start-up, and then only read: verifying does not change an
/// <see cref="RSA"/> or <see cref="ECDsa"/> instance, so one instance serves concurrent requests.
/// </remarks>
internal sealed class SignaturePublicKey
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    private SignaturePublicKey(RSA? rsa, ECDsa? ecdsa)
    {
        _rsa = rsa;
        _ecdsa = ecdsa;
    }

    public static SignaturePublicKey ForRsa(RSA rsa) => new(rsa, null);

    public static SignaturePublicKey ForEcdsa(ECDsa ecdsa) => new(null, ecdsa);

    /// <summary>Tells whether <paramref name="signature"/> is this key's signature of <paramref name="data"/>.</summary>
    /// <returns><see langword="false"/> for a wrong signature, including one of the wrong length or form; never throws for it.</returns>
    public bool Verifies(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        try
        {
            return _rsa is not null
                ? _rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                : _ecdsa!.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // Some platforms throw, rather than answer false, for a signature that cannot even be decoded.
            return false;
        }
    }
}
