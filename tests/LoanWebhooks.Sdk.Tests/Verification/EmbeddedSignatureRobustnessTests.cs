using System;
using System.Text;
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
        var now = ReceeveSampleTimestamp;
        var cases = new (IWebhookVerifier Verifier, byte[] Body)[]
        {
            (CanopyVerifier(content), CanopyWebhookSigner.Sign(Encoding.UTF8.GetBytes(CanopySample), Secret, content)),
            (
                new ReceeveSignatureVerifier(
                    new ReceeveSignatureOptions { Secrets = { Secret }, SignedContent = content },
                    new FixedTimeProvider(now)),
                ReceeveWebhookSigner.Sign(Encoding.UTF8.GetBytes(ReceeveSample), Secret, content)),
        };

        int verified = 0, rejected = 0;
        foreach (var (verifier, body) in cases)
        {
            Assert.True(verifier.Verify(Request(body)).IsVerified);
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
        }

        // Mutations outside the signed bytes (or no-op ones) still verify; most must not.
        Assert.True(rejected > verified, $"verified {verified}, rejected {rejected}");
    }
}
