namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>What became of a delivery.</summary>
public enum WebhookDispatchOutcome
{
    /// <summary>Verified and parsed; its handlers ran and succeeded (or were queued, or none applied). Unknown event types are accepted too.</summary>
    Accepted = 1,

    /// <summary>A redelivery of a delivery that was already processed; no handler ran.</summary>
    Duplicate = 2,

    /// <summary>
    /// A redelivery of a delivery that is being processed right now; no handler ran. Answered with a non-success
    /// status so the provider tries again later, in case the first attempt fails.
    /// </summary>
    InProgress = 3,

    /// <summary>Not verified, not parseable, too large, or for a provider that is not configured; no handler ran.</summary>
    Rejected = 4,

    /// <summary>A handler (or the idempotency store) threw; the claim was released so that a redelivery is processed again.</summary>
    Failed = 5,
}
