using System;
using System.Text.Json;

// Shared source: compiled into LoanWebhooks.Sdk and LoanWebhooks.Sdk.Testing (see JsonObjectMembers).
namespace LoanWebhooks.Sdk.Verification;

/// <summary>Produces the bytes an embedded signature covers, as <see cref="EmbeddedSignedContent"/> defines them.</summary>
internal static class SignedContentReader
{
    /// <summary>Gets the signed content of a body whose members <see cref="JsonObjectMembers.Locate"/> found.</summary>
    /// <param name="body">The whole body.</param>
    /// <param name="signature">Where the signature member is (needed for <see cref="EmbeddedSignedContent.BodyWithoutSignature"/>).</param>
    /// <param name="signed">Where the signed member is (needed for the other modes).</param>
    /// <param name="content">Which bytes are signed.</param>
    /// <param name="options">The reader options <paramref name="body"/> was read with.</param>
    /// <param name="scratch">A buffer at least as long as <paramref name="body"/>, used by the modes that must copy.</param>
    /// <returns>The signed content: a slice of <paramref name="body"/> or of <paramref name="scratch"/>.</returns>
    public static ReadOnlySpan<byte> Get(
        ReadOnlySpan<byte> body,
        in JsonMemberLocation signature,
        in JsonMemberLocation signed,
        EmbeddedSignedContent content,
        JsonReaderOptions options,
        Span<byte> scratch)
    {
        switch (content)
        {
            case EmbeddedSignedContent.MemberValue:
                return signed.Value(body);

            case EmbeddedSignedContent.BodyWithoutSignature:
                ReadOnlySpan<byte> before = body[..signature.RemovalStart];
                ReadOnlySpan<byte> after = body[signature.RemovalEnd..];
                before.CopyTo(scratch);
                after.CopyTo(scratch[before.Length..]);
                return scratch[..(before.Length + after.Length)];

            case EmbeddedSignedContent.MinifiedMemberValue:
                return scratch[..Minify(signed.Value(body), options, scratch)];

            default:
                throw new ArgumentOutOfRangeException(nameof(content), content, "Unknown signed content.");
        }
    }

    /// <summary>Tells whether <paramref name="content"/> signs the signed member (rather than the whole body).</summary>
    public static bool SignsMember(EmbeddedSignedContent content) => content != EmbeddedSignedContent.BodyWithoutSignature;

    // The value was already read once, so it is well-formed; only its tokens are copied, never re-encoded.
    private static int Minify(ReadOnlySpan<byte> value, JsonReaderOptions options, Span<byte> destination)
    {
        var reader = new Utf8JsonReader(value, options);
        int written = 0;
        bool needsComma = false;
        while (reader.Read())
        {
            JsonTokenType type = reader.TokenType;
            if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                destination[written++] = type == JsonTokenType.EndObject ? (byte)'}' : (byte)']';
                needsComma = true;
                continue;
            }

            if (needsComma)
            {
                destination[written++] = (byte)',';
            }

            switch (type)
            {
                case JsonTokenType.StartObject:
                    destination[written++] = (byte)'{';
                    needsComma = false;
                    break;
                case JsonTokenType.StartArray:
                    destination[written++] = (byte)'[';
                    needsComma = false;
                    break;
                case JsonTokenType.PropertyName:
                    written += WriteQuoted(reader.ValueSpan, destination[written..]);
                    destination[written++] = (byte)':';
                    needsComma = false;
                    break;
                case JsonTokenType.String:
                    written += WriteQuoted(reader.ValueSpan, destination[written..]);
                    needsComma = true;
                    break;
                default:
                    // Numbers and literals, as written.
                    reader.ValueSpan.CopyTo(destination[written..]);
                    written += reader.ValueSpan.Length;
                    needsComma = true;
                    break;
            }
        }

        return written;
    }

    // ValueSpan of a string is its raw, still-escaped bytes between the quotes.
    private static int WriteQuoted(ReadOnlySpan<byte> raw, Span<byte> destination)
    {
        destination[0] = (byte)'"';
        raw.CopyTo(destination[1..]);
        destination[raw.Length + 1] = (byte)'"';
        return raw.Length + 2;
    }
}
