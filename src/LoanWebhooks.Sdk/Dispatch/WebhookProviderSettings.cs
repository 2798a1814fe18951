using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>How a configured provider's deliveries are checked; what a host needs to know before it reads a body.</summary>
public sealed class WebhookProviderSettings
{
    internal WebhookProviderSettings(
        WebhookProvider provider,
        IWebhookVerifier? verifier,
        IWebhookParser parser,
        int maxBodyBytes,
        WebhookResponseStatuses responses,
        WebhookSchemaDriftPolicy schemaDrift,
        bool deduplicatesIdenticalBodies)
    {
        Provider = provider;
        Verifier = verifier;
        Parser = parser;
        MaxBodyBytes = maxBodyBytes;
        Responses = responses.FrozenCopy();
        SchemaDrift = schemaDrift;
        DeduplicatesIdenticalBodies = deduplicatesIdenticalBodies;
    }

    /// <summary>The provider.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The largest body accepted, in bytes; a host should answer 413 without reading a larger one.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>The statuses answered for each outcome (read-only: set them in the provider's options).</summary>
    public WebhookResponseStatuses Responses { get; }

    /// <summary>What is answered for a verified body that does not fit its schema.</summary>
    public WebhookSchemaDriftPolicy SchemaDrift { get; }

    /// <summary>
    /// Whether a delivery without a provider id is deduplicated on a hash of its body; when false, such deliveries
    /// skip the idempotency store and every one runs the handlers (at-least-once).
    /// </summary>
    public bool DeduplicatesIdenticalBodies { get; }

    /// <summary>False only when verification was switched off for development.</summary>
    public bool IsVerified => Verifier is not null;

    /// <summary>The verifier; null only when verification was switched off for development.</summary>
    internal IWebhookVerifier? Verifier { get; }

    /// <summary>The parser, with the configured limits.</summary>
    internal IWebhookParser Parser { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider} (max {MaxBodyBytes} bytes, {(IsVerified ? "verified" : "NOT VERIFIED")})";
}
