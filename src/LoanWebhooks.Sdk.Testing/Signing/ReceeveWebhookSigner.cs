using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Testing.Signing;

/// <summary>
/// Signs receeve webhook bodies the way receeve does, for tests and simulators: holds a private key, sets
/// <c>payloadAsString</c> to the compact text of <c>payload</c> and <c>signature</c> to the base64 signature of that
/// text's UTF-8 bytes (RSA: RSASSA-PKCS1-v1_5 with SHA-256; EC: ECDSA with SHA-256, DER-encoded). Configure your
/// endpoint with <see cref="PublicKeyPem"/>.
/// </summary>
/// <remarks>
/// The compact text is <c>payload</c>'s tokens exactly as written (strings keep their escapes, numbers their digits)
/// with the whitespace and comments between them left out, which is what <c>JSON.stringify</c> writes for a body
/// written by <c>JSON.stringify</c>. Existing <c>payloadAsString</c> and <c>signature</c> strings are replaced in
/// place; missing ones are appended after the last member. Every other byte of the body is kept.
/// </remarks>
/// <example>
/// <code>
/// using var signer = ReceeveWebhookSigner.CreateRsa();
/// services.AddLoanWebhooks(b => b.AddReceeve(o => o.UsePublicKey(signer.PublicKeyPem)));
/// byte[] body = signer.Sign(DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").Body.Span);
/// </code>
/// </example>
public sealed class ReceeveWebhookSigner : IDisposable
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    private ReceeveWebhookSigner(RSA? rsa, ECDsa? ecdsa)
    {
        _rsa = rsa;
        _ecdsa = ecdsa;
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)rsa ?? ecdsa!;
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Creates a signer with a new RSA key (2048 bits unless told otherwise), as receeve's keys usually are.</summary>
    public ReceeveWebhookSigner()
        : this(RSA.Create(2048), null)
    {
    }

    /// <summary>Gets the public key as PEM (<c>-----BEGIN PUBLIC KEY-----</c>), for <c>o.UsePublicKey(…)</c>.</summary>
    public string PublicKeyPem { get; }

    /// <summary>Creates a signer with a new RSA key.</summary>
    /// <param name="keySizeInBits">The key size; 2048 by default.</param>
    /// <returns>The signer; dispose it to release the key.</returns>
    public static ReceeveWebhookSigner CreateRsa(int keySizeInBits = 2048) => new(RSA.Create(keySizeInBits), null);

    /// <summary>Creates a signer with a new EC key on the NIST P-256 curve.</summary>
    /// <returns>The signer; dispose it to release the key.</returns>
    public static ReceeveWebhookSigner CreateEcdsa() => new(null, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Creates a signer with an existing private key, e.g. a fixed test key.</summary>
    /// <param name="privateKeyPem">
    /// A PEM private key: <c>PRIVATE KEY</c> (PKCS#8, RSA or EC), <c>RSA PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>.
    /// </param>
    /// <returns>The signer; dispose it to release the key.</returns>
    /// <exception cref="ArgumentException">The text is not an RSA or EC private key in PEM.</exception>
    public static ReceeveWebhookSigner FromPrivateKeyPem(string privateKeyPem)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        if (!PemEncoding.TryFind(privateKeyPem, out PemFields fields))
        {
            throw new ArgumentException("The text is not PEM.", nameof(privateKeyPem));
        }

        // PKCS#8 names no algorithm in its label, so RSA is tried first and EC second.
        string label = privateKeyPem[fields.Label];
        bool tryRsa = label is "RSA PRIVATE KEY" or "PRIVATE KEY";
        bool tryEcdsa = label is "EC PRIVATE KEY" or "PRIVATE KEY";
        if (tryRsa && TryImport(RSA.Create(), privateKeyPem) is RSA rsa)
        {
            return new ReceeveWebhookSigner(rsa, null);
        }

        if (tryEcdsa && TryImport(ECDsa.Create(), privateKeyPem) is ECDsa ecdsa)
        {
            return new ReceeveWebhookSigner(null, ecdsa);
        }

        throw new ArgumentException(
            $"The PEM block '{label}' is not an RSA or EC private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY).",
            nameof(privateKeyPem));
    }

    /// <summary>Returns <paramref name="body"/> with <c>payloadAsString</c> and <c>signature</c> set.</summary>
    /// <param name="body">A receeve envelope, <c>{ "payload": { … }, … }</c>.</param>
    /// <param name="timestamp">
    /// When set, <c>payload.timestamp</c> is first replaced with this instant in UTC, written as
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> like receeve's samples (for endpoints that configured a timestamp window).
    /// </param>
    /// <returns>The signed body.</returns>
    /// <exception cref="ArgumentException">
    /// The body is not a JSON object, lacks a single <c>payload</c> object (with a single <c>timestamp</c>, when
    /// re-dating), or repeats <c>payloadAsString</c> or <c>signature</c>.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The signer was disposed.</exception>
    public byte[] Sign(ReadOnlySpan<byte> body, DateTimeOffset? timestamp = null)
    {
        ReadOnlySpan<byte> dated = timestamp is { } instant
            ? EmbeddedSignatureSigner.ReplaceNestedString(
                body,
                "payload",
                "timestamp",
                instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            : body;

        byte[] payloadText = EmbeddedSignatureSigner.MinifiedMember(dated, "payload");
        byte[] signature = SignData(payloadText);

        // Relaxed escaping writes the text the way JSON.stringify does: only quotes, backslashes and controls escaped.
        string payloadAsString = JsonEncodedText.Encode(Encoding.UTF8.GetString(payloadText), JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        byte[] withText = EmbeddedSignatureSigner.SetStringMember(dated, "payloadAsString", payloadAsString);
        return EmbeddedSignatureSigner.SetStringMember(withText, "signature", Convert.ToBase64String(signature));
    }

    /// <inheritdoc cref="Sign(ReadOnlySpan{byte}, DateTimeOffset?)"/>
    public string Sign(string body, DateTimeOffset? timestamp = null)
    {
        ArgumentNullException.ThrowIfNull(body);

        return Encoding.UTF8.GetString(Sign(Encoding.UTF8.GetBytes(body), timestamp));
    }

    /// <summary>Signs arbitrary bytes with the signer's key, as receeve signs <c>payloadAsString</c>: for tests that build bodies by hand.</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <returns>The signature (RSA PKCS#1 v1.5 or DER-encoded ECDSA, SHA-256).</returns>
    public byte[] SignData(ReadOnlySpan<byte> data) => _rsa is not null
        ? _rsa.SignData(data.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : _ecdsa!.SignData(data.ToArray(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <inheritdoc/>
    public void Dispose()
    {
        _rsa?.Dispose();
        _ecdsa?.Dispose();
    }

    private static T? TryImport<T>(T key, string pem)
        where T : AsymmetricAlgorithm
    {
        try
        {
            key.ImportFromPem(pem);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }
}
