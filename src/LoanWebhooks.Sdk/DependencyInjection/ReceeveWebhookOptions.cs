using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>receeve webhooks, which carry an HMAC-SHA256 <c>signature</c> of <c>payload</c> in the body, and a timestamp.</summary>
public sealed class ReceeveWebhookOptions : WebhookProviderOptions
{
    /// <summary>The signature and timestamp check; applied when at least one secret is configured.</summary>
    public ReceeveSignatureOptions Signature { get; } = new();

    internal override WebhookProvider Provider => WebhookProvider.Receeve;

    internal override string VerificationHint => "o.UseSignatureSecret(webhookSecret) with the secret receeve gave you, or o.Verifier = …";

    /// <summary>Accepts bodies signed with this secret; call again with another secret to rotate.</summary>
    /// <param name="secret">The webhook secret.</param>
    /// <returns>These options.</returns>
    public ReceeveWebhookOptions UseSignatureSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Signature.Secrets.Add(secret);
        return this;
    }

    private protected override void AddConfiguredVerifiers(List<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (Signature.Secrets.Count > 0)
        {
            verifiers.Add(new ReceeveSignatureVerifier(Signature, timeProvider));
        }
    }
}
