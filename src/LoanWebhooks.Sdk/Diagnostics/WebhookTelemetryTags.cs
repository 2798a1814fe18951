using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Diagnostics;

/// <summary>
/// Tag names (OpenTelemetry attribute style) and their values. Every value is a name from a closed set, never text
/// from a request: no body value, header, key or secret can reach a tag. Values are interned literals, so tagging allocates nothing.
/// </summary>
internal static class WebhookTelemetryTags
{
    public const string Provider = "webhook.provider";
    public const string Operation = "webhook.operation";
    public const string EventType = "webhook.event_type";
    public const string EventMatch = "webhook.event_match";
    public const string Outcome = "webhook.outcome";
    public const string RejectionReason = "webhook.rejection.reason";
    public const string VerificationReason = "webhook.verification.reason";
    public const string ParseErrorReason = "webhook.parse_error.reason";
    public const string QuarantineStored = "webhook.quarantine.stored";
    public const string HandlersRun = "webhook.handlers_run";
    public const string HandlerType = "webhook.handler.type";
    public const string ClaimStatus = "webhook.claim.status";
    public const string StoreOperation = "webhook.idempotency_store.operation";
    public const string MemberPath = "webhook.member.path";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";

    /// <summary>OpenTelemetry's value for "a value outside the known set".</summary>
    public const string Other = "_OTHER";

    /// <summary>The event type tag of an unknown event, and of any text that is not a plain event-type name (OpenTelemetry's value for "other").</summary>
    public const string OtherEventType = Other;

    public static string Of(WebhookDispatchOutcome outcome, bool deferred) => outcome switch
    {
        WebhookDispatchOutcome.Accepted => deferred ? "deferred" : "accepted",
        WebhookDispatchOutcome.Duplicate => "duplicate",
        WebhookDispatchOutcome.InProgress => "in_progress",
        WebhookDispatchOutcome.Rejected => "rejected",
        WebhookDispatchOutcome.Failed => "failed",
        WebhookDispatchOutcome.Quarantined => "quarantined",
        _ => Other,
    };

    public static string Of(WebhookRejectionReason reason) => reason switch
    {
        WebhookRejectionReason.None => "none",
        WebhookRejectionReason.ProviderNotConfigured => "provider_not_configured",
        WebhookRejectionReason.BodyTooLarge => "body_too_large",
        WebhookRejectionReason.VerificationFailed => "verification_failed",
        WebhookRejectionReason.InvalidPayload => "invalid_payload",
        WebhookRejectionReason.SchemaDrift => "schema_drift",
        _ => Other,
    };

    public static string Of(WebhookVerificationFailureReason reason) => reason switch
    {
        WebhookVerificationFailureReason.None => "none",
        WebhookVerificationFailureReason.MissingCredential => "missing_credential",
        WebhookVerificationFailureReason.AmbiguousCredential => "ambiguous_credential",
        WebhookVerificationFailureReason.MalformedCredential => "malformed_credential",
        WebhookVerificationFailureReason.InvalidCredential => "invalid_credential",
        WebhookVerificationFailureReason.SourceAddressNotAllowed => "source_address_not_allowed",
        WebhookVerificationFailureReason.Expired => "expired",
        WebhookVerificationFailureReason.MalformedBody => "malformed_body",
        WebhookVerificationFailureReason.SignedContentMismatch => "signed_content_mismatch",
        _ => Other,
    };

    public static string Of(WebhookParseErrorReason reason) => reason switch
    {
        WebhookParseErrorReason.EmptyBody => "empty_body",
        WebhookParseErrorReason.BodyTooLarge => "body_too_large",
        WebhookParseErrorReason.MalformedJson => "malformed_json",
        WebhookParseErrorReason.MaxDepthExceeded => "max_depth_exceeded",
        WebhookParseErrorReason.NotAnObject => "not_an_object",
        WebhookParseErrorReason.MissingDiscriminator => "missing_discriminator",
        WebhookParseErrorReason.InvalidDiscriminatorType => "invalid_discriminator_type",
        WebhookParseErrorReason.UnexpectedEventType => "unexpected_event_type",
        WebhookParseErrorReason.SchemaMismatch => "schema_mismatch",
        _ => Other,
    };

    public static string Of(WebhookEventMatch match) => match switch
    {
        WebhookEventMatch.Exact => "exact",
        WebhookEventMatch.Alias => "alias",
        WebhookEventMatch.VersionFallback => "version_fallback",
        WebhookEventMatch.ExpectedEventType => "expected_event_type",
        WebhookEventMatch.Unknown => "unknown",
        WebhookEventMatch.Inferred => "inferred",
        _ => Other,
    };

    public static string Of(WebhookClaimStatus status) => status switch
    {
        WebhookClaimStatus.Claimed => "claimed",
        WebhookClaimStatus.AlreadyCompleted => "already_completed",
        WebhookClaimStatus.InProgress => "in_progress",
        _ => Other,
    };

    /// <summary>
    /// The event type as tagged: a known event's type as received (one of the catalog's names, aliases or versions),
    /// <see cref="OtherEventType"/> for an unknown event, whose type is whatever the body said.
    /// </summary>
    public static string EventTypeOf(WebhookEvent webhookEvent) =>
        webhookEvent.Match == WebhookEventMatch.Unknown ? OtherEventType : webhookEvent.EventType;

    /// <summary>
    /// An unknown event's type as the drift counter tags it: kept when it looks like an event-type name (at most 64
    /// letters, digits, '.', '_', '-' or ':'), so a provider's new event is a dashboard line of its own; anything
    /// else is <see cref="OtherEventType"/>, so free text cannot reach a tag or explode the series count.
    /// </summary>
    public static string UnknownEventTypeName(string received)
    {
        if (received.Length is 0 or > 64)
        {
            return OtherEventType;
        }

        foreach (char c in received)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
            {
                return OtherEventType;
            }
        }

        return received;
    }

    /// <summary>
    /// An unmapped member's <c>Record.member</c> name as tagged and logged: kept when the member is a plain name (at
    /// most 64 characters, starting with a letter; letters, digits, '_', '-', '$' or '@'), <see cref="Other"/> when
    /// it is not (a key that is an id or free text is a value, not a name).
    /// </summary>
    public static string MemberPathName(string path)
    {
        int dot = path.IndexOf('.', System.StringComparison.Ordinal);
        int length = path.Length - dot - 1;
        if (dot < 0 || length is 0 or > 64 || !char.IsAsciiLetter(path[dot + 1]))
        {
            return Other;
        }

        for (int i = dot + 1; i < path.Length; i++)
        {
            char c = path[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '@'))
            {
                return Other;
            }
        }

        return path;
    }

    /// <summary>The status code as a tag value: boxed once per code, so tagging a result does not allocate.</summary>
    public static object StatusCodeOf(int statusCode) =>
        (uint)statusCode < (uint)StatusCodes.Length ? StatusCodes[statusCode] ??= statusCode : statusCode;

    public static object BooleanOf(bool value) => value ? True : False;

    private static readonly object?[] StatusCodes = new object?[600];
    private static readonly object True = true;
    private static readonly object False = false;
}
