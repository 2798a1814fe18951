using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Reads configured PEM public keys into <see cref="SignaturePublicKey"/>s, once, at start-up. Accepts
/// <c>BEGIN PUBLIC KEY</c> (SubjectPublicKeyInfo, RSA or EC) and <c>BEGIN RSA PUBLIC KEY</c> (PKCS#1).
/// </summary>
/// <remarks>
/// Every problem is an <see cref="ArgumentException"/> whose message names the key (by its index in the list, or
/// its file name) and says what is wrong, but never quotes the key: a PEM pasted into the wrong setting may be a
/// private key, and start-up errors end up in logs.
/// </remarks>
internal static class SignaturePublicKeys
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    /// <summary>Loads every key of <paramref name="pems"/>, then every key file of <paramref name="files"/>.</summary>
    /// <param name="pems">PEM texts.</param>
    /// <param name="files">Paths of files holding one PEM each.</param>
    /// <param name="pemsPath">How <paramref name="pems"/> is named in messages, e.g. <c>ReceeveSignatureOptions.PublicKeys</c>.</param>
    /// <param name="filesPath">How <paramref name="files"/> is named in messages.</param>
    /// <returns>The keys, at least one.</returns>
    /// <exception cref="ArgumentException">There is no key, or one cannot be used; see the remarks.</exception>
    public static SignaturePublicKey[] Load(IList<string> pems, IList<string> files, string pemsPath, string filesPath)
    {
        if (pems.Count + files.Count == 0)
        {
            throw OptionsErrors.Invalid(
                $"{pemsPath} and {filesPath} are both empty; with no public key, no request could ever be verified.");
        }

        var keys = new List<SignaturePublicKey>(pems.Count + files.Count);
        for (int i = 0; i < pems.Count; i++)
        {
            keys.Add(Parse(pems[i], string.Create(CultureInfo.InvariantCulture, $"{pemsPath}[{i}]")));
        }

        for (int i = 0; i < files.Count; i++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{filesPath}[{i}]");
            string path = files[i];
            keys.Add(Parse(ReadFile(path, name), $"{name} (file '{path}')"));
        }

        return keys.ToArray();
    }

    private static string ReadFile(string? path, string name)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw OptionsErrors.Invalid($"{name} is null, empty or whitespace; it must be the path of a PEM public key file.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw OptionsErrors.Invalid($"{name}: the public key file '{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            // The exception's own message is left out: it adds nothing the type and the path do not say.
            throw OptionsErrors.Invalid($"{name}: the public key file '{path}' cannot be read ({e.GetType().Name}).");
        }
    }

    private static SignaturePublicKey Parse(string? pem, string name)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw OptionsErrors.Invalid($"{name} is null, empty or whitespace; it must be a PEM public key (-----BEGIN PUBLIC KEY-----).");
        }

        if (!PemEncoding.TryFind(pem, out PemFields fields))
        {
            throw OptionsErrors.Invalid($"{name} is not PEM text: no well-formed -----BEGIN …----- / -----END …----- block was found.");
        }

        if (PemEncoding.TryFind(pem.AsSpan(fields.Location.End.GetOffset(pem.Length)), out _))
        {
            throw OptionsErrors.Invalid($"{name} holds more than one PEM block; configure one key per entry.");
        }

        // The label is not key material; naming it tells the operator what they pasted.
        string label = pem[fields.Label];
        if (label.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw OptionsErrors.Invalid(
                $"{name} is a private key ({label}); configure the public key the provider gave you, and keep private keys out of this service.");
        }

        byte[] der = new byte[fields.DecodedDataLength];
        if (!Convert.TryFromBase64Chars(pem.AsSpan()[fields.Base64Data], der, out int written) || written != der.Length)
        {
            // Stryker disable once Statement : equivalent. PemEncoding.TryFind only finds a block whose base64 is well-formed and whose DecodedDataLength is exact, so this decoding never fails.
            throw OptionsErrors.Invalid($"{name} has a PEM body that is not valid base64.");
        }

        return label switch
        {
            "PUBLIC KEY" => ParseSubjectPublicKeyInfo(der, name),
            "RSA PUBLIC KEY" => ParseRsaPublicKey(der, name),
            _ => throw OptionsErrors.Invalid(
                $"{name} is a PEM '{label}' block, which is not supported; expected -----BEGIN PUBLIC KEY----- or -----BEGIN RSA PUBLIC KEY-----."),
        };
    }

    private static SignaturePublicKey ParseSubjectPublicKeyInfo(byte[] der, string name)
    {
        string algorithm;
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            AsnReader subjectPublicKeyInfo = reader.ReadSequence();
            AsnReader algorithmIdentifier = subjectPublicKeyInfo.ReadSequence();
            algorithm = algorithmIdentifier.ReadObjectIdentifier();
        }
        catch (AsnContentException)
        {
            throw OptionsErrors.Invalid($"{name} is labelled PUBLIC KEY but its content is not a readable SubjectPublicKeyInfo.");
        }

        switch (algorithm)
        {
            case RsaOid:
                var rsa = RSA.Create();
                try
                {
                    rsa.ImportSubjectPublicKeyInfo(der, out _);
                    return SignaturePublicKey.ForRsa(rsa);
                }
                catch (CryptographicException)
                {
                    // Stryker disable once Statement : equivalent. Frees the key object now rather than at finalization; nothing uses it afterwards.
                    rsa.Dispose();
                    throw OptionsErrors.Invalid($"{name} names the RSA algorithm but is not a readable RSA public key.");
                }

            case EcOid:
                var ecdsa = ECDsa.Create();
                try
                {
                    ecdsa.ImportSubjectPublicKeyInfo(der, out _);
                    return SignaturePublicKey.ForEcdsa(ecdsa);
                }
                catch (CryptographicException)
                {
                    // Stryker disable once Statement : equivalent. Frees the key object now rather than at finalization; nothing uses it afterwards.
                    ecdsa.Dispose();
                    throw OptionsErrors.Invalid($"{name} names the EC algorithm but is not a readable EC public key, or its curve is not supported on this platform.");
                }

            default:
                throw OptionsErrors.Invalid(
                    $"{name} is a public key of an unsupported type (algorithm {algorithm}); only RSA and EC keys are supported.");
        }
    }

    private static SignaturePublicKey ParseRsaPublicKey(byte[] der, string name)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportRSAPublicKey(der, out int read);
            if (read == der.Length)
            {
                return SignaturePublicKey.ForRsa(rsa);
            }
        }
        catch (CryptographicException)
        {
            // Reported below, like trailing bytes.
        }

        // Stryker disable once Statement : equivalent. Frees the key object now rather than at finalization; nothing uses it afterwards.
        rsa.Dispose();
        throw OptionsErrors.Invalid($"{name} is labelled RSA PUBLIC KEY but is not a readable PKCS#1 RSA public key.");
    }
}
