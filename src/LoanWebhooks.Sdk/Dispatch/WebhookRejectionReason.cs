namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>Why a delivery was rejected.</summary>
public enum WebhookRejectionReason
{
    /// <summary>The delivery was not rejected.</summary>
    None = 0,

    /// <summary>No provider of that name is configured (404).</summary>
    ProviderNotConfigured = 1,

    /// <summary>The body is larger than the provider's limit (413).</summary>
    BodyTooLarge = 2,

    /// <summary>The verifier refused the request (<see cref="WebhookResponseStatuses.Unverified"/>); see <see cref="WebhookDispatchResult.VerificationResult"/>.</summary>
    VerificationFailed = 3,

    /// <summary>
    /// Not produced any more: a verified body that does not parse is quarantined (<see cref="SchemaDrift"/>), and an
    /// unverified one is refused by verification first. Kept so that stored values keep their meaning.
    /// </summary>
    InvalidPayload = 4,

    /// <summary>
    /// A verified body did not fit its schema and was answered with a non-success status (not yet durably kept, or
    /// the policy says retry or reject); see <see cref="WebhookDispatchResult.Quarantined"/> and <see cref="WebhookDispatchResult.ParseError"/>.
    /// </summary>
    SchemaDrift = 5,
}
