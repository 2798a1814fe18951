using System.Collections.Generic;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>Spinwheel webhooks: Spinwheel sends the custom headers you configure with each subscription.</summary>
public sealed class SpinwheelWebhookOptions : WebhookProviderOptions
{
    /// <summary>A secret header configured on the Spinwheel subscription; checked when a header name or a secret is configured.</summary>
    public SharedSecretHeaderOptions SharedSecretHeader { get; } = new();

    internal override WebhookProvider Provider => WebhookProvider.Spinwheel;

    internal override string VerificationHint => "o.UseSharedSecretHeader(headerName, secret) (configure the same header on the Spinwheel subscription) or o.Verifier = …";

    /// <summary>Accepts requests whose <paramref name="headerName"/> header carries <paramref name="secret"/>; call again with another secret to rotate.</summary>
    /// <param name="headerName">The header configured on the subscription, e.g. <c>X-Spinwheel-Secret</c>.</param>
    /// <param name="secret">A long random secret.</param>
    /// <returns>These options.</returns>
    public SpinwheelWebhookOptions UseSharedSecretHeader(string headerName, string secret)
    {
        AddSecret(SharedSecretHeader, headerName, secret);
        return this;
    }

    private protected override void AddConfiguredVerifiers(List<IWebhookVerifier> verifiers)
    {
        if (IsConfigured(SharedSecretHeader))
        {
            verifiers.Add(new SharedSecretHeaderVerifier(SharedSecretHeader));
        }
    }
}
