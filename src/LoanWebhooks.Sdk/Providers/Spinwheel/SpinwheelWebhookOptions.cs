using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Spinwheel;

/// <summary>
/// Spinwheel webhooks: checked by source address (Spinwheel's published addresses, Production by default) and by
/// the custom headers you configure on each subscription.
/// </summary>
public sealed class SpinwheelWebhookOptions : WebhookProviderOptions
{
    /// <summary>Options with nothing configured; <c>b.AddSpinwheel(o => …)</c> creates them.</summary>
    public SpinwheelWebhookOptions()
        : base(WebhookProvider.Spinwheel)
    {
    }

    /// <summary>The source address and header checks; applied once anything in it is configured.</summary>
    public SpinwheelAuthenticityOptions Authenticity { get; } = new();

    /// <inheritdoc/>
    protected internal override string VerificationHint =>
        "o.UseSharedSecretHeader(headerName, secret) (configure the same header on the Spinwheel subscription; the source address is checked too), o.Authenticity…, or o.Verifier = …";

    /// <summary>
    /// Accepts requests whose <paramref name="headerName"/> header carries <paramref name="secret"/> (call again with
    /// another secret to rotate, or another header to require both), from Spinwheel's published addresses.
    /// </summary>
    /// <param name="headerName">The header configured on the subscription, e.g. <c>X-Spinwheel-Secret</c>.</param>
    /// <param name="secret">A long random secret.</param>
    /// <returns>These options.</returns>
    public SpinwheelWebhookOptions UseSharedSecretHeader(string headerName, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        ArgumentNullException.ThrowIfNull(secret);
        SharedSecretHeaderOptions? header = Authenticity.Headers.FirstOrDefault(h => string.Equals(h?.HeaderName, headerName, StringComparison.OrdinalIgnoreCase));
        if (header is null)
        {
            header = new SharedSecretHeaderOptions { HeaderName = headerName };
            Authenticity.Headers.Add(header);
        }

        header.Secrets.Add(secret);
        return this;
    }

    /// <inheritdoc/>
    protected override void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (IsConfigured(Authenticity))
        {
            verifiers.Add(new SpinwheelAuthenticityVerifier(Authenticity));
        }
    }

    // Untouched options mean "not configured" (so the start-up error says what to do); anything set is handed to the verifier.
    private static bool IsConfigured(SpinwheelAuthenticityOptions options)
    {
        var defaults = new SpinwheelAuthenticityOptions();
        return options.Headers.Count > 0
            || options.AdditionalAllowedAddresses.Count > 0
            || options.TrustedProxies.Count > 0
            || options.Environment != defaults.Environment
            || options.VerifySourceAddress != defaults.VerifySourceAddress
            || options.VerifyHeaderSecrets != defaults.VerifyHeaderSecrets
            || options.UsePublishedAddresses != defaults.UsePublishedAddresses
            || !string.Equals(options.ForwardedForHeaderName, defaults.ForwardedForHeaderName, StringComparison.Ordinal);
    }

    internal override string RegistrationCall => "AddSpinwheel";

    /// <inheritdoc/>
    protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new SpinwheelWebhookParser(limits);
}
