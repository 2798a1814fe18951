using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>Canopy Servicing webhooks, which carry an HMAC <c>hmac_signature</c> in the body.</summary>
public sealed class CanopyWebhookOptions : WebhookProviderOptions
{
    internal override WebhookProvider Provider => WebhookProvider.Canopy;

    internal override string VerificationHint => "o.Verifier = …";
}
