namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>The answer of an idempotency store to a claim.</summary>
public enum WebhookClaimStatus
{
    /// <summary>Nobody has processed the delivery: the caller now owns it and must complete or release it.</summary>
    Claimed = 1,

    /// <summary>The delivery was processed before: do not process it again.</summary>
    AlreadyCompleted = 2,

    /// <summary>Someone else holds an unexpired claim and is processing it right now.</summary>
    InProgress = 3,
}
