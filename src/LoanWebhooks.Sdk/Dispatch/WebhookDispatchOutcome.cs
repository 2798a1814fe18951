namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>What became of a delivery.</summary>
public enum WebhookDispatchOutcome
{
    /// <summary>Verified and parsed; its handlers ran and succeeded (or were queued, or none applied). Unknown event types are accepted too.</summary>
    Accepted = 1,

    /// <summary>A redelivery of a delivery that was already processed; no handler ran.</summary>
    Duplicate = 2,

    /// <summary>
    /// A redelivery of a delivery that is being processed right now; no handler ran. Answered with
    /// <see cref="WebhookResponseStatuses.RetryLater"/> so the provider tries again later, in case the first attempt fails.
    /// </summary>
    InProgress = 3,

    /// <summary>Not verified, too large, or for a provider that is not configured; no handler ran.</summary>
    Rejected = 4,

    /// <summary>A handler (or the idempotency store) threw; the claim was released so that a redelivery is processed again.</summary>
    Failed = 5,

    /// <summary>
    /// Verified, but the body does not fit its event's schema: it was handed to the schema-drift handlers and kept in
    /// the quarantine (<see cref="WebhookDispatchResult.Quarantined"/>), from where it can be replayed. The status
    /// follows the provider's <see cref="WebhookSchemaDriftPolicy"/>.
    /// </summary>
    Quarantined = 6,
}
