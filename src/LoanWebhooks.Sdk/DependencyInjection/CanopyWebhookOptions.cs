using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>Canopy Servicing webhooks, which carry an HMAC-SHA256 <c>hmac_signature</c> of <c>data</c> in the body.</summary>
public sealed class CanopyWebhookOptions : WebhookProviderOptions
{
    /// <summary>The signature check; applied when at least one secret is configured.</summary>
    public CanopySignatureOptions Signature { get; } = new();

    internal override WebhookProvider Provider => WebhookProvider.Canopy;

    internal override string VerificationHint => "o.UseSignatureSecret(webhookSecret) with the secret from your Canopy webhook settings, or o.Verifier = …";

    /// <summary>Accepts bodies signed with this secret; call again with another secret to rotate.</summary>
    /// <param name="secret">The webhook secret from your Canopy settings.</param>
    /// <returns>These options.</returns>
    public CanopyWebhookOptions UseSignatureSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Signature.Secrets.Add(secret);
        return this;
    }

    /// <summary>
    /// Canopy counts only 200 and 202 as delivered, retries only 429 and 5xx (for about 24 hours), sends every other
    /// status straight to its dead-letter queue and pauses the subscription after a single 401.
    /// </summary>
    private protected override WebhookResponseStatuses CreateDefaultResponses() =>
        new() { AnySuccessStatus = false, RetriesOnlyTooManyRequestsAndServerErrors = true };

    private protected override void AddConfiguredVerifiers(List<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (Signature.Secrets.Count > 0)
        {
            verifiers.Add(new CanopySignatureVerifier(Signature));
        }
    }
}
