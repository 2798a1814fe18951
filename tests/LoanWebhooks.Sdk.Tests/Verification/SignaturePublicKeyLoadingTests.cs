using System;
using System.Formats.Asn1;
using System.IO;
using System.Security.Cryptography;
using LoanWebhooks.Sdk.Receeve;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>Start-up errors of public-key loading that the mutation run (issue 20) found no test pinning.</summary>
public sealed class SignaturePublicKeyLoadingTests
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    [Fact]
    public void A_key_entry_holding_two_pem_blocks_is_refused()
    {
        using var first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string twoKeys = first.ExportSubjectPublicKeyInfoPem() + "\n" + second.ExportSubjectPublicKeyInfoPem();

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { twoKeys } }));

        Assert.Contains("PublicKeys[0] holds more than one PEM block", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RsaOid, "names the RSA algorithm but is not a readable RSA public key")]
    [InlineData(EcOid, "names the EC algorithm but is not a readable EC public key")]
    public void A_public_key_whose_algorithm_is_known_but_whose_key_is_garbage_is_refused(string algorithm, string problem)
    {
        string pem = PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo(algorithm, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }));

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { pem } }));

        Assert.Contains("PublicKeys[0] " + problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rsa_public_key_followed_by_extra_bytes_is_refused()
    {
        using var rsa = RSA.Create(2048);
        byte[] der = rsa.ExportRSAPublicKey();
        byte[] withTrailingBytes = new byte[der.Length + 2];
        der.CopyTo(withTrailingBytes, 0);
        string pem = PemEncoding.WriteString("RSA PUBLIC KEY", withTrailingBytes);

        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { pem } }));

        Assert.Contains("PublicKeys[0] is labelled RSA PUBLIC KEY but is not a readable PKCS#1 RSA public key", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_key_file_path_is_refused_before_any_file_is_read(string path)
    {
        var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeyFiles = { path } }));

        Assert.Contains("PublicKeyFiles[0] is null, empty or whitespace; it must be the path of a PEM public key file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_path_that_names_a_directory_is_refused_as_unreadable()
    {
        string directory = Directory.CreateTempSubdirectory("receeve-key-").FullName;
        try
        {
            var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeyFiles = { directory } }));

            Assert.Contains($"PublicKeyFiles[0]: the public key file '{directory}' cannot be read (UnauthorizedAccessException)", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void Key_files_are_named_by_their_own_index_after_the_inline_keys()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string good = Path.GetTempFileName();
        string missing = Path.Combine(Path.GetTempPath(), "no-such-key-" + Guid.NewGuid().ToString("N") + ".pem");
        try
        {
            File.WriteAllText(good, ec.ExportSubjectPublicKeyInfoPem());
            var options = new ReceeveSignatureOptions { PublicKeys = { ec.ExportSubjectPublicKeyInfoPem() }, PublicKeyFiles = { good, missing } };

            var e = Assert.Throws<ArgumentException>(() => new ReceeveSignatureVerifier(options));

            Assert.Contains($"PublicKeyFiles[1]: the public key file '{missing}' does not exist", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(good);
        }
    }

    // SEQUENCE { SEQUENCE { OID algorithm, NULL }, BIT STRING key }: well-formed SubjectPublicKeyInfo around any bytes.
    private static byte[] SubjectPublicKeyInfo(string algorithm, byte[] key)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(algorithm);
                writer.WriteNull();
            }

            writer.WriteBitString(key);
        }

        return writer.Encode();
    }
}
