using System;
using System.Text;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using LoanWebhooks.Sdk.Tests.Hardening;
using Xunit;
using static LoanWebhooks.Sdk.Tests.Verification.SignedBodies;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>
/// The embedded-signature verifiers never throw: seeded mutations of signed documented samples (byte flips,
/// deletions, insertions of JSON-significant bytes, truncations) give a result with a defined reason, in every mode.
/// </summary>
public sealed class EmbeddedSignatureRobustnessTests
{
    private const int MutationsPerCase = 1_000;
    private static readonly byte[] Interesting = "{}[]\":,\\0123456789-+.eEtruefalsnl \t\r\n/*\u00ff="u8.ToArray();

    [Theory]
    [InlineData(EmbeddedSignedContent.MemberValue)]
    [InlineData(EmbeddedSignedContent.BodyWithoutSignature)]
    [InlineData(EmbeddedSignedContent.MinifiedMemberValue)]
    public void Mutated_signed_samples_never_make_a_verifier_throw(EmbeddedSignedContent content)
    {
        var random = new Random(20261124 + (int)content);
        byte[] body = CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(CanopySample), Secret, content);

        var (verified, rejected) = MutateAndVerify(CanopyVerifier(content), body, random);

        // Mutations outside the signed bytes (or no-op ones) still verify; most must not.
        Assert.True(rejected > verified, $"verified {verified}, rejected {rejected}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mutated_signed_receeve_samples_never_make_the_verifier_throw(bool ecKey)
    {
        var random = new Random(20261127 + (ecKey ? 1 : 0));
        using var signer = ecKey ? ReceeveWebhookSigner.CreateEcdsa() : ReceeveWebhookSigner.CreateRsa();
        var verifier = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { signer.PublicKeyPem } });
        byte[] body = signer.Sign(Encoding.UTF8.GetBytes(ReceeveSample));

        var (verified, rejected) = MutateAndVerify(verifier, body, random);

        Assert.True(rejected > verified, $"verified {verified}, rejected {rejected}");
    }

    private static (int Verified, int Rejected) MutateAndVerify(IWebhookVerifier verifier, byte[] body, Random random)
    {
        Assert.True(verifier.Verify(Request(body)).IsVerified);
        int verified = 0, rejected = 0;
        for (int i = 0; i < MutationsPerCase; i++)
        {
            var result = verifier.Verify(Request(SeededByteMutator.Mutate(body, random, Interesting)));

            Assert.True(Enum.IsDefined(result.Reason));
            if (result.IsVerified)
            {
                verified++;
            }
            else
            {
                rejected++;
            }
        }

        return (verified, rejected);
    }
}
