namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// What to answer for a delivery that passed verification but does not fit its event's schema (the provider added,
/// changed or dropped something). Whatever the policy, the delivery is handed to the app's
/// <see cref="Quarantine.IWebhookSchemaDriftHandler"/>s and kept in the <see cref="Quarantine.IWebhookQuarantineStore"/>,
/// from where it can be replayed.
/// </summary>
public enum WebhookSchemaDriftPolicy
{
    /// <summary>
    /// The default: answer success once the delivery is durably kept (a durable quarantine store stored it, or every
    /// schema-drift handler ran to completion); until then answer <see cref="WebhookResponseStatuses.RetryLater"/>, so
    /// the provider keeps its copy and retries.
    /// </summary>
    Quarantine = 0,

    /// <summary>Always answer <see cref="WebhookResponseStatuses.RetryLater"/>: the provider keeps the delivery and retries until the SDK is upgraded.</summary>
    Retry = 1,

    /// <summary>Answer <see cref="WebhookResponseStatuses.SchemaDriftRejected"/> (400): the provider gives up on it (Canopy moves it to its dead-letter queue).</summary>
    Reject = 2,
}
