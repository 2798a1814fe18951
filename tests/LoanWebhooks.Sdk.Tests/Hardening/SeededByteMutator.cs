using System;
using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Tests.Hardening;

/// <summary>
/// Deterministic byte-level mutations for the seeded robustness passes: one to three edits, each a random byte,
/// a deletion, an inserted or substituted JSON-significant byte, or a truncation.
/// </summary>
internal static class SeededByteMutator
{
    public static byte[] Mutate(byte[] original, Random random, byte[] interesting)
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
                    bytes.Insert(at, interesting[random.Next(interesting.Length)]);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = interesting[random.Next(interesting.Length)];
                    break;
            }
        }

        return bytes.ToArray();
    }
}
