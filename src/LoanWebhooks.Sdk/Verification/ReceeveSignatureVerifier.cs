using System;
using System.Globalization;
using System.Text.Json;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Verifies receeve's <c>signature</c>: an HMAC-SHA256 of the envelope's <c>payload</c>, keyed with the webhook
/// secret and carried in the body, <c>{ "payload": { …, "timestamp" }, "signature" }</c>; then checks that
/// <c>payload.timestamp</c> is recent.
/// </summary>
/// <remarks>
/// <para>
/// The signature is compared in constant time against the signature under every configured secret. The
/// timestamp is checked only once the signature is valid, and is itself signed (it lies inside <c>payload</c>),
/// so it cannot be moved forward without the secret. A request replayed within
/// <see cref="ReceeveSignatureOptions.MaximumAge"/> still passes: de-duplicate on <c>payload.messageId</c>.
/// </para>
/// <para>
/// A body that is not a JSON object, lacks <c>payload</c> or <c>signature</c>, repeats either, or has no
/// readable ISO 8601 <c>payload.timestamp</c> with an offset, fails with a reason rather than an exception.
/// </para>
/// </remarks>
public sealed class ReceeveSignatureVerifier : IWebhookVerifier
{
    private const string SignatureMember = "signature";
    private const string SignedMember = "payload";

    private readonly EmbeddedHmacSignatureVerifier _core;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan? _maximumAge;
    private readonly TimeSpan _allowedClockSkew;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The secrets, signature format and timestamp window.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// There is no secret; a secret is null, empty, whitespace, surrounded by whitespace or not valid Unicode;
    /// a choice is not a defined enum value; <see cref="ReceeveSignatureOptions.MaximumAge"/> is not positive; or
    /// <see cref="ReceeveSignatureOptions.AllowedClockSkew"/> is negative. The message never contains a secret.
    /// </exception>
    public ReceeveSignatureVerifier(ReceeveSignatureOptions options, TimeProvider? timeProvider = null)
        : this(options, timeProvider, ConstantTimeSecrets.MatchesAnySignature)
    {
    }

    internal ReceeveSignatureVerifier(ReceeveSignatureOptions options, TimeProvider? timeProvider, SignatureMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(options);

        EmbeddedHmacSignatureVerifier.ValidateChoices(options.SignedContent, options.Encoding, nameof(ReceeveSignatureOptions));
        if (options.MaximumAge is { } maximumAge && maximumAge <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                "ReceeveSignatureOptions.MaximumAge must be positive; set it to null to skip the timestamp check.",
                nameof(options));
        }

        if (options.AllowedClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("ReceeveSignatureOptions.AllowedClockSkew must not be negative.", nameof(options));
        }

        byte[][] keys = HmacSecrets.ToKeys(options.Secrets, $"{nameof(ReceeveSignatureOptions)}.{nameof(ReceeveSignatureOptions.Secrets)}");
        _core = new EmbeddedHmacSignatureVerifier(SignatureMember, SignedMember, keys, options.SignedContent, options.Encoding, matcher);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _maximumAge = options.MaximumAge;
        _allowedClockSkew = options.AllowedClockSkew;
    }

    internal SignatureMatcher Matcher => _core.Matcher;

    /// <inheritdoc/>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        ReadOnlySpan<byte> body = request.Body.Span;
        WebhookVerificationResult result = _core.Verify(body, out JsonMemberLocation payload);
        if (!result.IsVerified || _maximumAge is not { } maximumAge)
        {
            return result;
        }

        if (!TryReadTimestamp(body, payload, out DateTimeOffset timestamp, out string problem))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailureReason.MalformedBody, problem);
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        if (timestamp < now - maximumAge)
        {
            return WebhookVerificationResult.Failed(
                WebhookVerificationFailureReason.Expired,
                string.Create(CultureInfo.InvariantCulture, $"payload.timestamp is older than the allowed {maximumAge}."));
        }

        if (timestamp > now + _allowedClockSkew)
        {
            return WebhookVerificationResult.Failed(
                WebhookVerificationFailureReason.Expired,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"payload.timestamp lies further in the future than the allowed clock skew of {_allowedClockSkew}."));
        }

        return WebhookVerificationResult.Verified;
    }

    private static bool TryReadTimestamp(ReadOnlySpan<byte> body, in JsonMemberLocation payload, out DateTimeOffset timestamp, out string problem)
    {
        timestamp = default;

        // With BodyWithoutSignature the signature check does not require payload, so it may be missing here.
        if (payload.Count != 1 || payload.ValueType != JsonTokenType.StartObject)
        {
            problem = "The body has no single \"payload\" object, so its timestamp cannot be checked.";
            return false;
        }

        ReadOnlySpan<byte> payloadJson = payload.Value(body);
        JsonObjectMembers.Locate(
            payloadJson, EmbeddedHmacSignatureVerifier.ReaderOptions, "timestamp"u8, default, out JsonMemberLocation member, out _, out _);
        if (member.Count != 1)
        {
            problem = member.Count == 0
                ? "payload has no \"timestamp\" member, so the request's age cannot be checked."
                : "payload has more than one \"timestamp\" member.";
            return false;
        }

        var reader = new Utf8JsonReader(member.Value(payloadJson), EmbeddedHmacSignatureVerifier.ReaderOptions);
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
            // Invalid UTF-8 inside the string.
        }

        problem = "payload.timestamp is not an ISO 8601 date-time with a UTC offset.";
        return false;
    }
}
