using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>How a configured provider's deliveries are checked; what a host needs to know before it reads a body.</summary>
public sealed class WebhookProviderSettings
{
    internal WebhookProviderSettings(WebhookProvider provider, IWebhookVerifier? verifier, IWebhookParser parser, int maxBodyBytes)
    {
        Provider = provider;
        Verifier = verifier;
        Parser = parser;
        MaxBodyBytes = maxBodyBytes;
    }

    /// <summary>The provider.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The largest body accepted, in bytes; a host should answer 413 without reading a larger one.</summary>
    public int MaxBodyBytes { get; }

    /// <summary>False only when verification was switched off for development.</summary>
    public bool IsVerified => Verifier is not null;

    /// <summary>The verifier; null only when verification was switched off for development.</summary>
    internal IWebhookVerifier? Verifier { get; }

    /// <summary>The parser, with the configured limits.</summary>
    internal IWebhookParser Parser { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider} (max {MaxBodyBytes} bytes, {(IsVerified ? "verified" : "NOT VERIFIED")})";
}
