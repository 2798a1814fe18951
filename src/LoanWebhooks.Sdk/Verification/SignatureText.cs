using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Decodes the text form of an HMAC-SHA256 signature, strictly.</summary>
internal static class SignatureText
{
    /// <summary>The length of an HMAC-SHA256 signature in bytes.</summary>
    public const int SignatureLength = HMACSHA256.HashSizeInBytes;

    /// <summary>
    /// The longest spelling of a 32-byte signature as a JSON string token: 64 hex digits, every one \u-escaped (six
    /// bytes each), plus the two quotes.
    /// </summary>
    public const int MaxTokenLength = (6 * HexLength) + 2;

    private const int Base64Length = 44;
    private const int HexLength = 64;

    /// <summary>Decodes <paramref name="text"/> (UTF-8) into exactly <see cref="SignatureLength"/> bytes.</summary>
    /// <returns><see langword="false"/> when the text is not a 32-byte signature in the accepted encoding.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> text, SignatureEncoding encoding, Span<byte> signature) => encoding switch
    {
        SignatureEncoding.Base64 => TryDecodeBase64(text, signature),
        SignatureEncoding.Hex => TryDecodeHex(text, signature),
        SignatureEncoding.Base64OrHex => text.Length == HexLength ? TryDecodeHex(text, signature) : TryDecodeBase64(text, signature),
        // Stryker disable once Boolean : equivalent. Unreachable: every verifier refuses an undefined encoding at construction and the diagnosis passes Base64 and Hex only.
        _ => false,
    };

    /// <summary>
    /// Unescapes a JSON string token (quotes included) into its UTF-8 text: JSON may escape any character of a
    /// signature (a serialiser writing <c>\/</c> for <c>/</c>, say).
    /// </summary>
    /// <param name="token">The string token, at most <see cref="MaxTokenLength"/> bytes.</param>
    /// <param name="options">The reader options the body was read with.</param>
    /// <param name="text">Receives the text; at least <see cref="MaxTokenLength"/> bytes.</param>
    /// <param name="length">How many bytes of <paramref name="text"/> were written.</param>
    /// <returns><see langword="false"/> for invalid UTF-8 or a lone surrogate in an escape.</returns>
    public static bool TryUnescape(ReadOnlySpan<byte> token, JsonReaderOptions options, Span<byte> text, out int length)
    {
        try
        {
            var reader = new Utf8JsonReader(token, options);
            reader.Read();
            length = reader.CopyString(text);
            return true;
        }
        catch (InvalidOperationException)
        {
            length = 0;
            // Stryker disable once Boolean : equivalent. length is 0 here and no encoding decodes empty text, so every caller fails the decoding that follows just the same.
            return false;
        }
    }

    /// <summary>Describes the accepted form, for failure details.</summary>
    public static string Describe(SignatureEncoding encoding) => encoding switch
    {
        SignatureEncoding.Hex => "64 hexadecimal digits",
        SignatureEncoding.Base64OrHex => "44 base64 characters or 64 hexadecimal digits",
        _ => "44 base64 characters",
    };

    private static bool TryDecodeBase64(ReadOnlySpan<byte> text, Span<byte> signature)
    {
        // The length check rules out whitespace and unpadded forms before the decoder sees them.
        if (text.Length != Base64Length)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[SignatureLength + 1];
        OperationStatus status = Base64.DecodeFromUtf8(text, decoded, out int consumed, out int written);
        if (status != OperationStatus.Done || consumed != text.Length || written != SignatureLength)
        {
            return false;
        }

        decoded[..SignatureLength].CopyTo(signature);
        return true;
    }

    private static bool TryDecodeHex(ReadOnlySpan<byte> text, Span<byte> signature)
    {
        if (text.Length != HexLength)
        {
            return false;
        }

        for (int i = 0; i < SignatureLength; i++)
        {
            int high = HexValue(text[2 * i]);
            int low = HexValue(text[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            signature[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
