using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Receeve;

/// <summary>
/// Verifies a receeve delivery, <c>{ "payload": { … }, "payloadAsString": "…", "signature": "…" }</c>, as receeve
/// documents it: <c>signature</c> (base64) is the signature of the UTF-8 text of <c>payloadAsString</c> under
/// receeve's key, checked with the public key receeve gave you (RSA: RSASSA-PKCS1-v1_5 with SHA-256; EC: ECDSA
/// with SHA-256 and a DER-encoded signature). Then <c>payload</c>, which is what handlers receive, must be
/// JSON-equal to the text that was signed.
/// </summary>
/// <remarks>
/// <para>
/// receeve's page calls the scheme "HMAC-SHA256 using the publicKey", but its code is a public-key signature check
/// (Node.js <c>crypto.createVerify("SHA256")</c>); this verifier follows the code. A body signed by any configured
/// key verifies, which is how a key is rotated.
/// </para>
/// <para>
/// <c>payload</c> itself is not signed. A verified <c>payloadAsString</c> next to a different <c>payload</c> fails
/// with <see cref="WebhookVerificationFailureReason.SignedContentMismatch"/>, so what a handler acts on is always
/// what receeve signed. Equality is structural (member order and whitespace do not matter; numbers are compared by
/// exact value; a repeated member name is never equal), see the README's Security section.
/// </para>
/// <para>
/// There is no timestamp window unless one is configured (<see cref="ReceeveSignatureOptions.MaximumAge"/> explains
/// why). A body that is not a JSON object, lacks or repeats a member, or has a member of the wrong type fails with a
/// reason rather than an exception; no failure detail quotes a value from the body.
/// </para>
/// </remarks>
public sealed class ReceeveSignatureVerifier : IWebhookVerifier
{
    // An RSA-8192 signature is 1,368 base64 characters; anything much longer is not a signature.
    private const int MaxSignatureTokenLength = 4096;
    private const int MaxSignatureLength = 1024;

    private static readonly JsonReaderOptions ReaderOptions = WebhookJsonDefaults.ReaderOptions(WebhookJsonDefaults.MaxDepth);

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = WebhookJsonDefaults.MaxDepth,
    };

    private readonly SignaturePublicKey[] _keys;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _maximumAge;
    private readonly TimeSpan? _allowedClockSkew;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>, reading and parsing every key now.</summary>
    /// <param name="options">The public keys and the optional timestamp window.</param>
    /// <param name="timeProvider">The clock a configured timestamp window is checked against; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// There is no key; a key is not PEM, is a private key, is not an RSA or EC public key, or cannot be read; a key
    /// file does not exist or cannot be read; <see cref="ReceeveSignatureOptions.MaximumAge"/> is not positive; or
    /// <see cref="ReceeveSignatureOptions.AllowedClockSkew"/> is negative. The message names the key by its index
    /// (and file name) and never contains key material.
    /// </exception>
    public ReceeveSignatureVerifier(ReceeveSignatureOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (options.MaximumAge is { } maximumAge && maximumAge <= TimeSpan.Zero)
        {
            throw OptionsErrors.Invalid("ReceeveSignatureOptions.MaximumAge must be positive; set it to null for no maximum age.");
        }

        if (options.AllowedClockSkew < TimeSpan.Zero)
        {
            throw OptionsErrors.Invalid("ReceeveSignatureOptions.AllowedClockSkew must not be negative; set it to null for no limit.");
        }

        _keys = SignaturePublicKeys.Load(
            options.PublicKeys,
            options.PublicKeyFiles,
            $"{nameof(ReceeveSignatureOptions)}.{nameof(ReceeveSignatureOptions.PublicKeys)}",
            $"{nameof(ReceeveSignatureOptions)}.{nameof(ReceeveSignatureOptions.PublicKeyFiles)}");
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maximumAge = options.MaximumAge;
        _allowedClockSkew = options.AllowedClockSkew;
    }

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        ReadOnlyMemory<byte> body = request.Body;
        JsonObjectStatus status = JsonObjectMembers.Locate(
            body.Span, ReaderOptions, "signature"u8, "payloadAsString"u8, out JsonMemberLocation signature, out JsonMemberLocation signed, out _);
        switch (status)
        {
            case JsonObjectStatus.NotJson:
                return Failed(WebhookVerificationFailureReason.MalformedBody, "The body is not well-formed JSON.");
            case JsonObjectStatus.NotAnObject:
                return Failed(WebhookVerificationFailureReason.MalformedBody, "The body is not a JSON object.");
        }

        if (FindSignatureProblem(signature) is WebhookVerificationResult signatureProblem)
        {
            return signatureProblem;
        }

        if (FindMemberProblem(signed, "payloadAsString", JsonTokenType.String, "a string") is string signedProblem)
        {
            return Failed(WebhookVerificationFailureReason.MalformedBody, signedProblem + " It holds the text receeve signs.");
        }

        byte[] presented;
        if (!TryReadString(signature.Value(body.Span), MaxSignatureTokenLength, out byte[] signatureText)
            || !TryDecodeBase64(signatureText, out presented))
        {
            return Failed(
                WebhookVerificationFailureReason.MalformedCredential,
                "The \"signature\" member is not a base64 signature of a plausible length.");
        }

        if (!TryReadString(signed.Value(body.Span), int.MaxValue, out byte[] signedText))
        {
            return Failed(
                WebhookVerificationFailureReason.MalformedBody,
                "The \"payloadAsString\" member cannot be decoded into UTF-8 text (it holds an unpaired surrogate escape or invalid UTF-8).");
        }

        if (!IsSignedByAnyKey(signedText, presented))
        {
            return Failed(
                WebhookVerificationFailureReason.InvalidCredential,
                "The \"signature\" member is not a signature of \"payloadAsString\" by any of the configured public keys.");
        }

        return CheckSignedContent(body, signedText);
    }

    private static WebhookVerificationResult Failed(WebhookVerificationFailureReason reason, string detail) =>
        WebhookVerificationResult.Failed(reason, detail);

    private static WebhookVerificationResult? FindSignatureProblem(in JsonMemberLocation signature) => signature.Count switch
    {
        0 => Failed(WebhookVerificationFailureReason.MissingCredential, "The body has no \"signature\" member."),
        > 1 => Failed(WebhookVerificationFailureReason.AmbiguousCredential, "The body has more than one \"signature\" member."),
        _ when signature.ValueType != JsonTokenType.String =>
            Failed(WebhookVerificationFailureReason.MalformedCredential, "The \"signature\" member is not a string."),
        _ => null,
    };

    private static string? FindMemberProblem(in JsonMemberLocation member, string name, JsonTokenType type, string typeName) => member.Count switch
    {
        0 => $"The body has no \"{name}\" member.",
        > 1 => $"The body has more than one \"{name}\" member.",
        _ when member.ValueType != type => $"The \"{name}\" member is not {typeName}.",
        _ => null,
    };

    // Unescapes a JSON string token into its UTF-8 bytes; false for a lone surrogate escape or invalid UTF-8.
    private static bool TryReadString(ReadOnlySpan<byte> token, int maxTokenLength, out byte[] value)
    {
        value = Array.Empty<byte>();
        if (token.Length > maxTokenLength)
        {
            // Stryker disable once Boolean : equivalent. Only the signature has a limit, and its empty value then fails the base64 decoding anyway.
            return false;
        }

        // The unescaped text is never longer than the token.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(token.Length, 1));
        try
        {
            var reader = new Utf8JsonReader(token, ReaderOptions);
            reader.Read();
            int length = reader.CopyString(buffer);
            value = buffer.AsSpan(0, length).ToArray();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            // Stryker disable once Statement : equivalent. Memory only: a buffer not returned to the shared pool is collected instead.
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryDecodeBase64(byte[] text, out byte[] signature)
    {
        signature = Array.Empty<byte>();
        Span<byte> decoded = stackalloc byte[MaxSignatureLength];
        OperationStatus status = System.Buffers.Text.Base64.DecodeFromUtf8(text, decoded, out int consumed, out int written);
        if (status != OperationStatus.Done || consumed != text.Length || written == 0)
        {
            return false;
        }

        signature = decoded[..written].ToArray();
        return true;
    }

    private bool IsSignedByAnyKey(byte[] signedText, byte[] signature)
    {
        // Every key is public, so stopping at the first match reveals nothing secret.
        foreach (SignaturePublicKey key in _keys)
        {
            if (key.Verifies(signedText, signature))
            {
                return true;
            }
        }

        return false;
    }

    // Runs only for a genuine signature: the work below cannot be triggered by an anonymous sender.
    private WebhookVerificationResult CheckSignedContent(ReadOnlyMemory<byte> body, byte[] signedText)
    {
        JsonObjectMembers.Locate(body.Span, ReaderOptions, "payload"u8, default, out JsonMemberLocation payload, out _, out _);
        if (FindMemberProblem(payload, "payload", JsonTokenType.StartObject, "an object") is string payloadProblem)
        {
            return Failed(WebhookVerificationFailureReason.MalformedBody, payloadProblem);
        }

        if (TryParse(signedText, out JsonDocument? signedDocument) is false)
        {
            return Failed(WebhookVerificationFailureReason.MalformedBody, "The signed \"payloadAsString\" is not well-formed JSON.");
        }

        using (signedDocument)
        {
            if (TryParse(body[payload.ValueStart..payload.ValueEnd], out JsonDocument? payloadDocument) is false)
            {
                return Failed(WebhookVerificationFailureReason.MalformedBody, "The \"payload\" member is not well-formed JSON.");
            }

            using (payloadDocument)
            {
                return JsonStructuralEquality.AreEqual(payloadDocument.RootElement, signedDocument.RootElement)
                    ? CheckTimestamp(payloadDocument.RootElement)
                    : Failed(
                        WebhookVerificationFailureReason.SignedContentMismatch,
                        "The \"payload\" member is not JSON-equal to the signed \"payloadAsString\", so it is not what receeve signed.");
            }
        }
    }

    private static bool TryParse(ReadOnlyMemory<byte> json, [NotNullWhen(true)] out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
            return true;
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    private WebhookVerificationResult CheckTimestamp(JsonElement payload)
    {
        if (_maximumAge is null && _allowedClockSkew is null)
        {
            return WebhookVerificationResult.Verified;
        }

        if (!TryReadTimestamp(payload, out DateTimeOffset timestamp, out string problem))
        {
            return Failed(WebhookVerificationFailureReason.MalformedBody, problem);
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (_maximumAge is { } maximumAge && timestamp < now - maximumAge)
        {
            return Failed(
                WebhookVerificationFailureReason.Expired,
                string.Create(CultureInfo.InvariantCulture, $"payload.timestamp is older than the allowed {maximumAge}."));
        }

        if (_allowedClockSkew is { } skew && timestamp > now + skew)
        {
            return Failed(
                WebhookVerificationFailureReason.Expired,
                string.Create(CultureInfo.InvariantCulture, $"payload.timestamp lies further in the future than the allowed clock skew of {skew}."));
        }

        return WebhookVerificationResult.Verified;
    }

    private static bool TryReadTimestamp(JsonElement payload, out DateTimeOffset timestamp, out string problem)
    {
        timestamp = default;
        int count = 0;
        JsonElement value = default;
        foreach (JsonProperty member in payload.EnumerateObject())
        {
            if (member.NameEquals("timestamp"u8) && count++ == 0)
            {
                value = member.Value;
            }
        }

        if (count != 1)
        {
            // Stryker disable once Conditional,Equality : equivalent. count is never above 1 here: a payload repeating a member name is never JSON-equal to the signed text, so it was refused before the timestamp is read.
            problem = count == 0
                ? "payload has no \"timestamp\" member, so the request's age cannot be checked."
                : "payload has more than one \"timestamp\" member.";
            return false;
        }

        // Equality with payloadAsString already rejected unreadable strings, so GetRawText is a plain JSON string here.
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value.GetRawText()), ReaderOptions);
        reader.Read();
        try
        {
            if (reader.TokenType == JsonTokenType.String && JsonValueReaders.TryReadDateTimeOffset(ref reader, out timestamp))
            {
                problem = string.Empty;
                return true;
            }
        }
        catch (InvalidOperationException)
        {
            // Unreadable text inside the string.
        }

        problem = "payload.timestamp is not an ISO 8601 date-time with a UTC offset.";
        return false;
    }
}
