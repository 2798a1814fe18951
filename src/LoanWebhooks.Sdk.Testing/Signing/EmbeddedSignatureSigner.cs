using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Testing.Signing;

/// <summary>Edits the members of a JSON body that carry a signature: Canopy's HMAC-SHA256, receeve's signed text and signature.</summary>
internal static class EmbeddedSignatureSigner
{
    // The same settings the SDK reads webhook bodies with (comments and trailing commas tolerated).
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static byte[] Sign(
        ReadOnlySpan<byte> body,
        string signatureName,
        string signedName,
        string secret,
        EmbeddedSignedContent signedContent,
        SignatureEncoding encoding)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!Enum.IsDefined(signedContent))
        {
            throw new ArgumentOutOfRangeException(nameof(signedContent), signedContent, "Not a defined EmbeddedSignedContent value.");
        }

        if (encoding is not (SignatureEncoding.Base64 or SignatureEncoding.Hex))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "A signer must write one encoding: Base64 or Hex.");
        }

        Located located = Locate(body, signatureName, signedName, signedContent);
        byte[] key = Encoding.UTF8.GetBytes(secret);

        // An absent member is appended, and removing it again yields exactly the body as it is now.
        ReadOnlySpan<byte> content = located.Signature.Count == 0 && signedContent == EmbeddedSignedContent.BodyWithoutSignature
            ? body
            : SignedContentReader.Get(body, located.Signature, located.Signed, signedContent, ReaderOptions, new byte[body.Length]);
        byte[] signature = HMACSHA256.HashData(key, content);
        string text = encoding == SignatureEncoding.Hex
            ? Convert.ToHexString(signature).ToLowerInvariant()
            : Convert.ToBase64String(signature);

        return located.Signature.Count == 1
            ? Splice(body, located.Signature.ValueStart, located.Signature.ValueEnd, $"\"{text}\"")
            : Splice(body, located.LastValueEnd, located.LastValueEnd, $"{(located.IsEmpty ? string.Empty : ",")}\"{signatureName}\":\"{text}\"");
    }

    /// <summary>Replaces the string value of a top-level member of a member's object value, e.g. <c>payload.timestamp</c>.</summary>
    public static byte[] ReplaceNestedString(ReadOnlySpan<byte> body, string memberName, string nestedName, string value)
    {
        Located outer = Locate(body, memberName, memberName, EmbeddedSignedContent.MemberValue);
        ReadOnlySpan<byte> member = outer.Signed.Value(body);
        if (JsonObjectMembers.Locate(member, ReaderOptions, Encoding.UTF8.GetBytes(nestedName), default, out JsonMemberLocation nested, out _, out _) != JsonObjectStatus.Object
            || nested.Count != 1)
        {
            throw new ArgumentException($"The body's \"{memberName}\" is not an object with exactly one \"{nestedName}\" member.", nameof(body));
        }

        int start = outer.Signed.ValueStart + nested.ValueStart;
        int end = outer.Signed.ValueStart + nested.ValueEnd;
        return Splice(body, start, end, $"\"{JsonEncodedText.Encode(value)}\"");
    }

    /// <summary>Gets a top-level object member's value minified, as <see cref="EmbeddedSignedContent.MinifiedMemberValue"/> defines it.</summary>
    public static byte[] MinifiedMember(ReadOnlySpan<byte> body, string memberName)
    {
        Located located = Locate(body, memberName, memberName, EmbeddedSignedContent.MemberValue);
        if (located.Signed.ValueType != JsonTokenType.StartObject)
        {
            throw new ArgumentException($"The body's \"{memberName}\" is not an object.", nameof(body));
        }

        return SignedContentReader.Get(
            body, located.Signature, located.Signed, EmbeddedSignedContent.MinifiedMemberValue, ReaderOptions, new byte[body.Length]).ToArray();
    }

    /// <summary>Replaces a top-level string member's value in place, or appends the member when there is none.</summary>
    /// <param name="body">The JSON object.</param>
    /// <param name="memberName">The member's name.</param>
    /// <param name="escapedValue">The new value as it goes between the quotes, already JSON-escaped.</param>
    public static byte[] SetStringMember(ReadOnlySpan<byte> body, string memberName, string escapedValue)
    {
        Located located = Locate(body, memberName, memberName, EmbeddedSignedContent.BodyWithoutSignature);
        return located.Signature.Count == 1
            ? Splice(body, located.Signature.ValueStart, located.Signature.ValueEnd, $"\"{escapedValue}\"")
            : Splice(body, located.LastValueEnd, located.LastValueEnd, $"{(located.IsEmpty ? string.Empty : ",")}\"{memberName}\":\"{escapedValue}\"");
    }

    private static Located Locate(ReadOnlySpan<byte> body, string signatureName, string signedName, EmbeddedSignedContent signedContent)
    {
        JsonObjectStatus status = JsonObjectMembers.Locate(
            body,
            ReaderOptions,
            Encoding.UTF8.GetBytes(signatureName),
            Encoding.UTF8.GetBytes(signedName),
            out JsonMemberLocation signature,
            out JsonMemberLocation signed,
            out int lastValueEnd);

        if (status != JsonObjectStatus.Object)
        {
            throw new ArgumentException("The body is not a well-formed JSON object.", nameof(body));
        }

        if (signature.Count > 1)
        {
            throw new ArgumentException($"The body has more than one \"{signatureName}\" member.", nameof(body));
        }

        if (signedContent != EmbeddedSignedContent.BodyWithoutSignature && signed.Count != 1)
        {
            throw new ArgumentException($"The body must have exactly one \"{signedName}\" member to sign.", nameof(body));
        }

        // A member value never ends with '{', so this is the end of the opening brace of an empty object.
        bool isEmpty = body[lastValueEnd - 1] == (byte)'{';
        return new Located(signature, signed, lastValueEnd, isEmpty);
    }

    private static byte[] Splice(ReadOnlySpan<byte> body, int start, int end, string insertion)
    {
        byte[] inserted = Encoding.UTF8.GetBytes(insertion);
        var result = new byte[body.Length - (end - start) + inserted.Length];
        body[..start].CopyTo(result);
        inserted.CopyTo(result.AsSpan(start));
        body[end..].CopyTo(result.AsSpan(start + inserted.Length));
        return result;
    }

    private readonly record struct Located(JsonMemberLocation Signature, JsonMemberLocation Signed, int LastValueEnd, bool IsEmpty);
}
