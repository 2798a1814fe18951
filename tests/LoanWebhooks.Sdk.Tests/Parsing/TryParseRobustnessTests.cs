using System;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Hardening;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// TryParse never throws: seeded mutations of every documented sample (byte flips, deletions,
/// insertions of JSON-significant bytes, truncations) give an event or a documented error, nothing else.
/// A bounded, deterministic pass; the long-running fuzzer belongs to the hardening work.
/// </summary>
public sealed class TryParseRobustnessTests
{
    private const int MutationsPerSample = 1_500;
    private static readonly byte[] Interesting = "{}[]\":,\\0123456789-+.eEtruefalsnl \t\r\n/*\u00ff"u8.ToArray();

    [Fact]
    public void Mutated_documented_samples_never_make_TryParse_throw()
    {
        var random = new Random(20261123);
        int parsed = 0, rejected = 0;
        foreach (var sample in DocumentedSamples.All)
        {
            var parser = BuiltInWebhookParsers.Default(sample.Provider);
            byte[] original = sample.Body.ToArray();
            for (int i = 0; i < MutationsPerSample; i++)
            {
                byte[] mutated = SeededByteMutator.Mutate(original, random, Interesting);

                bool ok = parser.TryParse(mutated, out var webhookEvent, out var failure);

                Assert.True(ok ? webhookEvent is not null && failure is null : webhookEvent is null && failure is not null);
                Assert.True(ok || Enum.IsDefined(failure!.Reason));
                if (ok)
                {
                    parsed++;
                }
                else
                {
                    rejected++;
                }
            }
        }

        // Both outcomes must occur, or the mutations are not exercising the parser.
        Assert.True(parsed > 0 && rejected > 0, $"parsed {parsed}, rejected {rejected}");
    }
}
