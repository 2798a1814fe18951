using System;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Parsing;

internal enum ScanStatus
{
    Found,
    Missing,
    InvalidType,
    NotAnObject,
    Empty,
}

/// <summary>Result of a member scan: where the string value is in the body, or why there is none.</summary>
internal readonly struct ScanResult
{
    public ScanResult(ScanStatus status, int valueStart = 0, int valueLength = 0, byte[]? unescaped = null, JsonTokenType tokenType = JsonTokenType.None)
    {
        Status = status;
        ValueStart = valueStart;
        ValueLength = valueLength;
        Unescaped = unescaped;
        TokenType = tokenType;
    }

    public ScanStatus Status { get; }

    public int ValueStart { get; }

    public int ValueLength { get; }

    /// <summary>Set when the value contained JSON escapes; the raw bytes would not match.</summary>
    public byte[]? Unescaped { get; }

    public JsonTokenType TokenType { get; }

    public ReadOnlySpan<byte> Value(ReadOnlySpan<byte> body) =>
        Unescaped ?? body.Slice(ValueStart, ValueLength);
}

/// <summary>
/// Finds the string at a member path (the discriminator, the idempotency key) wherever it sits among
/// its siblings, skipping every other value without materialising it. For Canopy, whose <c>event</c>
/// comes after a large <c>data</c>, this is one cheap tokenizer pass; for the others it stops after a
/// few tokens.
/// </summary>
internal static class JsonMemberScanner
{
    /// <exception cref="JsonException">The body is not well-formed JSON up to the member.</exception>
    public static ScanResult Scan(ReadOnlySpan<byte> body, byte[][] path, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(body, options);
        return ScanCore(ref reader, path);
    }

    private static ScanResult ScanCore(ref Utf8JsonReader reader, byte[][] path)
    {
        // Stryker disable once Block : equivalent. Over a whole body (a final block) the first Read reads a token or throws; it never returns false.
        if (!reader.Read())
        {
            return new ScanResult(ScanStatus.Empty);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return new ScanResult(ScanStatus.NotAnObject, tokenType: reader.TokenType);
        }

        for (int level = 0; level < path.Length; level++)
        {
            bool descended = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!JsonStringText.TextEquals(ref reader, path[level]))
                {
                    // Stryker disable once Statement : equivalent. Skip on a property name moves to its value and skips that too, so this Read only makes the step explicit.
                    reader.Read();
                    reader.Skip();
                    continue;
                }

                reader.Read();
                if (level == path.Length - 1)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return new ScanResult(ScanStatus.InvalidType, tokenType: reader.TokenType);
                    }

                    return reader.ValueIsEscaped
                        ? new ScanResult(ScanStatus.Found, unescaped: Encoding.UTF8.GetBytes(JsonStringText.Read(ref reader)))
                        : new ScanResult(ScanStatus.Found, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    // e.g. "payload": "text": the path cannot lead to the member.
                    return new ScanResult(ScanStatus.Missing, tokenType: reader.TokenType);
                }

                descended = true;
                break;
            }

            // Stryker disable once Equality,Arithmetic : equivalent. At the last level a scan that did not descend ends the loop, which returns Missing as well, so the bound only matters below it.
            if (!descended && level < path.Length - 1)
            {
                return new ScanResult(ScanStatus.Missing);
            }
        }

        return new ScanResult(ScanStatus.Missing);
    }
}
