using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>receeve webhooks, which carry a <c>signature</c> in the body.</summary>
public sealed class ReceeveWebhookOptions : WebhookProviderOptions
{
    internal override WebhookProvider Provider => WebhookProvider.Receeve;

    internal override string VerificationHint => "o.Verifier = …";
}
