using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Canopy;

/// <summary>Canopy Servicing webhooks, which carry an HMAC-SHA256 <c>hmac_signature</c> of <c>data</c> in the body.</summary>
public sealed class CanopyWebhookOptions : WebhookProviderOptions
{
    /// <summary>Options with nothing configured; <c>b.AddCanopy(o => …)</c> creates them.</summary>
    public CanopyWebhookOptions()
        : base(WebhookProvider.Canopy)
    {
    }

    /// <summary>The signature check; applied when at least one secret is configured.</summary>
    public CanopySignatureOptions Signature { get; } = new();

    /// <inheritdoc/>
    protected internal override string VerificationHint => "o.UseSignatureSecret(webhookSecret) with the secret from your Canopy webhook settings, or o.Verifier = …";

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
    protected override WebhookResponseStatuses CreateDefaultResponses() =>
        new() { AnySuccessStatus = false, RetriesOnlyTooManyRequestsAndServerErrors = true };

    /// <inheritdoc/>
    protected override void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (Signature.Secrets.Count > 0)
        {
            verifiers.Add(new CanopySignatureVerifier(Signature));
        }
    }

    internal override string RegistrationCall => "AddCanopy";

    /// <inheritdoc/>
    protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new CanopyWebhookParser(limits);
}
