using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Fuzzing;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Hardening;

/// <summary>
/// The bounded CI pass of the fuzz harness: FsCheck generates mutations of every documented sample (byte edits,
/// JSON-significant insertions, truncations, splices from other samples, another provider's parser) and drives
/// them through <see cref="WebhookFuzzTarget"/>, which asserts "typed event, unknown event, or documented
/// error" on the verify + parse path. Long runs use SharpFuzz (README, "Fuzzing").
/// </summary>
public sealed class FuzzPropertyTests
{
    private const int Inputs = 12_000;
    private static readonly byte[] Interesting = "{}[]\":,\\0123456789-+.eEtruefalsnl \t\r\n/*\u00ff\u00c3"u8.ToArray();
    private static readonly IReadOnlyList<DocumentedSample> Samples = DocumentedSamples.All;

    [Fact]
    public void Mutated_documented_samples_only_ever_give_documented_outcomes()
    {
        var property = Prop.ForAll(Cases().ToArbitrary(), (FuzzCase fuzzCase) => WebhookFuzzTarget.Run(fuzzCase.Input()));

        property.Check(Config.QuickThrowOnFailure.WithMaxTest(Inputs).WithQuietOnSuccess(true));
    }

    [Fact]
    public void The_generator_produces_both_accepted_and_rejected_bodies()
    {
        // Guards the property above against mutations that never reach the parser's interesting paths.
        var cases = Cases().Sample(500, 64);
        int parsed = cases.Count(c =>
        {
            byte[] input = c.Input();
            return BuiltInWebhookParsers.Default(WebhookFuzzTarget.ProviderOf(input)).TryParse(input.AsSpan(1), out _, out _);
        });

        Assert.InRange(parsed, 25, 475);
    }

    private static Gen<FuzzCase> Cases()
    {
        var edit =
            from kind in Gen.Choose(0, 5)
            from at in Gen.Choose(0, int.MaxValue)
            from value in Gen.Choose(0, 255)
            from other in Gen.Choose(0, Samples.Count - 1)
            select new Edit(kind, at, (byte)value, other);
        return
            from sample in Gen.Choose(0, Samples.Count - 1)
            from count in Gen.Choose(0, 4)
            from edits in Gen.ArrayOf(edit, count)
            from otherProvider in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new FuzzCase(sample, edits, otherProvider);
    }

    /// <summary>One mutation: kind 0 set byte, 1 delete, 2 insert a JSON-significant byte, 3 truncate, 4 splice, 5 duplicate a span.</summary>
    private sealed record Edit(int Kind, int At, byte Value, int OtherSample);

    private sealed record FuzzCase(int Sample, Edit[] Edits, bool OtherProvider)
    {
        public byte[] Input()
        {
            var sample = Samples[Sample];
            var bytes = new List<byte>(sample.Body.ToArray());
            foreach (var edit in Edits)
            {
                Apply(bytes, edit);
            }

            var providers = ProviderTestProfiles.All.Select(p => p.Provider).ToList();
            var provider = OtherProvider
                ? providers[(providers.IndexOf(sample.Provider) + 1) % providers.Count]
                : sample.Provider;
            return WebhookFuzzTarget.InputFor(provider, bytes.ToArray());
        }

        public override string ToString() =>
            $"{Samples[Sample].Name} {(OtherProvider ? "(other provider) " : "")}edits [{string.Join(", ", Edits.Select(e => e.ToString()))}]";

        private static void Apply(List<byte> bytes, Edit edit)
        {
            if (bytes.Count == 0)
            {
                return;
            }

            int at = edit.At % bytes.Count;
            switch (edit.Kind)
            {
                case 0:
                    bytes[at] = edit.Value;
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[edit.Value % Interesting.Length]);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    byte[] other = Samples[edit.OtherSample].Body.ToArray();
                    int from = edit.Value * other.Length / 256;
                    bytes.InsertRange(at, other.Skip(from).Take(1 + (edit.At % 64)));
                    break;
                default:
                    int length = Math.Min(1 + (edit.Value % 32), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }
    }
}
