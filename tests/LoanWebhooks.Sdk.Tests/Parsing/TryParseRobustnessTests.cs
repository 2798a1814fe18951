using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
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
            var parser = WebhookParsers.Default(sample.Provider);
            byte[] original = sample.Body.ToArray();
            for (int i = 0; i < MutationsPerSample; i++)
            {
                byte[] mutated = Mutate(original, random);

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

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
            }
        }

        return bytes.ToArray();
    }
}
