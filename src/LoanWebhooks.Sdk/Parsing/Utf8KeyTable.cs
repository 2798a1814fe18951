using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Numerics;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// Read-only open-addressing map from UTF-8 keys to values, looked up straight from the reader's
/// bytes so routing a discriminator allocates nothing.
/// </summary>
internal sealed class Utf8KeyTable<TValue>
    where TValue : class
{
    private readonly byte[]?[] _keys;
    private readonly TValue?[] _values;
    private readonly int _mask;

    public Utf8KeyTable(IEnumerable<KeyValuePair<byte[], TValue>> entries)
    {
        var list = new List<KeyValuePair<byte[], TValue>>(entries);
        int size = 8;
        // Stryker disable once Equality : equivalent. A table one size larger holds the same entries; only more slots stay empty.
        while (size < list.Count * 2)
        {
            size *= 2;
        }

        _keys = new byte[size][];
        _values = new TValue[size];
        _mask = size - 1;
        foreach (var entry in list)
        {
            int slot = (int)Hash(entry.Key) & _mask;
            while (_keys[slot] is { } existing)
            {
                if (existing.AsSpan().SequenceEqual(entry.Key))
                {
                    throw new ArgumentException("Duplicate key in event table.", nameof(entries));
                }

                slot = (slot + 1) & _mask;
            }

            _keys[slot] = entry.Key;
            _values[slot] = entry.Value;
        }
    }

    public TValue? Find(ReadOnlySpan<byte> key)
    {
        int slot = (int)Hash(key) & _mask;
        while (_keys[slot] is { } candidate)
        {
            if (candidate.AsSpan().SequenceEqual(key))
            {
                return _values[slot];
            }

            slot = (slot + 1) & _mask;
        }

        return null;
    }

    private static uint Hash(ReadOnlySpan<byte> key)
    {
        // Stryker disable once Equality : equivalent. The hash only picks the slot where probing starts; insert and lookup share it and compare whole keys, so any hash finds the same entries.
        if (key.Length < sizeof(ulong))
        {
            // FNV-1a for the few short keys.
            uint hash = 2166136261;
            foreach (byte b in key)
            {
                hash = (hash ^ b) * 16777619;
            }

            return hash;
        }

        // Event names share prefixes ("event.claim.") and suffixes (".v1"), rarely both and the length: mixing the
        // first and last eight bytes with the length spreads them in a few instructions, whatever the key's length.
        // A collision only costs a probe; the table's keys are fixed, so a sender cannot make lookups slow.
        ulong first = BinaryPrimitives.ReadUInt64LittleEndian(key);
        ulong last = BinaryPrimitives.ReadUInt64LittleEndian(key[^sizeof(ulong)..]);
        // Stryker disable once Arithmetic : equivalent. The hash only picks the slot where probing starts; insert and lookup share it and compare whole keys, so any hash finds the same entries.
        ulong mixed = ((first * 0x9E3779B97F4A7C15UL) ^ BitOperations.RotateLeft(last, 31) ^ (ulong)key.Length) * 0xC2B2AE3D27D4EB4FUL;
        // Stryker disable once Bitwise : equivalent. The hash only picks the slot where probing starts; insert and lookup share it and compare whole keys, so any hash finds the same entries.
        return (uint)(mixed >> 32);
    }
}
