using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Testing.Signing;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

public sealed class ReceeveWebhookSignerTests
{
    [Fact]
    public void Sets_payloadAsString_to_the_compact_payload_and_signs_its_UTF8_bytes_with_the_RSA_key()
    {
        using var signer = ReceeveWebhookSigner.CreateRsa();
        const string Body = "{\n  \"payload\": { \"b\": [1, 2.50], \"a\": \"Delbrück \\\"x\\\"\" }\n}";

        using var signed = JsonDocument.Parse(signer.Sign(Body));
        string payloadAsString = signed.RootElement.GetProperty("payloadAsString").GetString()!;
        byte[] signature = Convert.FromBase64String(signed.RootElement.GetProperty("signature").GetString()!);
        using var publicKey = RSA.Create();
        publicKey.ImportFromPem(signer.PublicKeyPem);

        Assert.Equal("{\"b\":[1,2.50],\"a\":\"Delbrück \\\"x\\\"\"}", payloadAsString);
        Assert.True(publicKey.VerifyData(Encoding.UTF8.GetBytes(payloadAsString), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Signs_with_a_DER_encoded_ECDSA_signature_with_the_EC_key()
    {
        using var signer = ReceeveWebhookSigner.CreateEcdsa();

        using var signed = JsonDocument.Parse(signer.Sign("{\"payload\":{\"a\":1}}"));
        byte[] signature = Convert.FromBase64String(signed.RootElement.GetProperty("signature").GetString()!);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(signer.PublicKeyPem);

        Assert.True(publicKey.VerifyData("{\"a\":1}"u8, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Replaces_the_documented_placeholder_signature_in_place_and_appends_payloadAsString()
    {
        using var signer = ReceeveWebhookSigner.CreateEcdsa();

        string signed = signer.Sign(ReceeveSample);

        int placeholder = ReceeveSample.IndexOf("\"SIGNATURE\"", StringComparison.Ordinal);
        Assert.Equal(ReceeveSample[..placeholder], signed[..placeholder]);
        Assert.DoesNotContain("\"SIGNATURE\"", signed, StringComparison.Ordinal);
        Assert.Contains(",\"payloadAsString\":\"{", signed, StringComparison.Ordinal);
    }

    [Fact]
    public void Re_dates_the_timestamp_in_place_before_signing()
    {
        using var signer = ReceeveWebhookSigner.CreateEcdsa();

        string signed = signer.Sign(ReceeveSample, new DateTimeOffset(2024, 3, 1, 13, 0, 0, 5, TimeSpan.FromHours(1)));

        Assert.Contains("\"timestamp\": \"2024-03-01T12:00:00.005Z\",", signed, StringComparison.Ordinal);
        Assert.Contains("\\\"timestamp\\\":\\\"2024-03-01T12:00:00.005Z\\\"", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("2021-10-14T15:33:16.848Z", signed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"signature\":\"s\"}")]
    [InlineData("{\"payload\":[]}")]
    [InlineData("{\"payload\":{},\"payload\":{}}")]
    [InlineData("{\"payload\":{},\"signature\":\"a\",\"signature\":\"b\"}")]
    [InlineData("{\"payload\":{},\"payloadAsString\":\"a\",\"payloadAsString\":\"b\"}")]
    public void Refuses_a_body_it_cannot_sign(string body)
    {
        using var signer = ReceeveWebhookSigner.CreateEcdsa();

        Assert.Throws<ArgumentException>(() => signer.Sign(body));
    }

    [Fact]
    public void Refuses_to_re_date_a_payload_without_a_timestamp()
    {
        using var signer = ReceeveWebhookSigner.CreateEcdsa();

        Assert.Throws<ArgumentException>(() => signer.Sign("{\"payload\":{}}", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Loads_an_RSA_or_EC_private_key_from_PEM_and_publishes_its_public_key(bool ec)
    {
        using AsymmetricAlgorithm key = ec ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);

        using var signer = ReceeveWebhookSigner.FromPrivateKeyPem(key.ExportPkcs8PrivateKeyPem());

        Assert.Equal(key.ExportSubjectPublicKeyInfoPem(), signer.PublicKeyPem);
    }

    [Fact]
    public void Refuses_a_public_key_where_a_private_key_is_needed()
    {
        using var rsa = RSA.Create(2048);

        Assert.Throws<ArgumentException>(() => ReceeveWebhookSigner.FromPrivateKeyPem(rsa.ExportSubjectPublicKeyInfoPem()));
    }
}
