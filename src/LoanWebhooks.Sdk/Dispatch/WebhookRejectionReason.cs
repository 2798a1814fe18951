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

    /// <summary>The verifier refused the request (401, or 403 for a source address that is not allowed); see <see cref="WebhookDispatchResult.VerificationResult"/>.</summary>
    VerificationFailed = 3,

    /// <summary>The body could not be parsed (400); see <see cref="WebhookDispatchResult.ParseError"/>.</summary>
    InvalidPayload = 4,
}
