using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Payitoff;

/// <summary>
/// Payitoff webhooks. Payitoff documents no signature: register the webhook URL with Basic credentials
/// (<c>https://user:password@host/webhooks/payitoff</c>) or, if your setup allows custom headers, send a secret header.
/// </summary>
public sealed class PayitoffWebhookOptions : WebhookProviderOptions
{
    /// <summary>Options with nothing configured; <c>b.AddPayitoff(o => …)</c> creates them.</summary>
    public PayitoffWebhookOptions()
        : base(WebhookProvider.Payitoff)
    {
    }

    /// <summary>Credentials the webhook URL carries; checked when at least one is configured.</summary>
    public BasicAuthenticationOptions BasicAuthentication { get; } = new();

    /// <summary>A secret header; checked when a header name or a secret is configured.</summary>
    public SharedSecretHeaderOptions SharedSecretHeader { get; } = new();

    /// <summary>
    /// Payitoff sends no delivery id: treats deliveries with byte-identical bodies as redeliveries of one event (sets
    /// <see cref="WebhookProviderOptions.DeduplicatesIdenticalBodies"/>). The trade-off: a genuine repeat of an event
    /// whose body is identical (interrupted → restored → interrupted for one borrower and servicer) is then answered as
    /// a duplicate and its handlers do not run. Off by default.
    /// </summary>
    /// <returns>These options.</returns>
    public PayitoffWebhookOptions DeduplicateIdenticalBodies()
    {
        DeduplicatesIdenticalBodies = true;
        return this;
    }

    /// <inheritdoc/>
    protected internal override string VerificationHint =>
        "o.UseBasicAuthentication(userName, password) (and register https://user:password@your-host/… with Payitoff), o.UseSharedSecretHeader(headerName, secret), or o.Verifier = …";

    /// <summary>Accepts requests with these Basic credentials; call again with new credentials to rotate.</summary>
    /// <param name="userName">The user name in the registered URL.</param>
    /// <param name="password">The password in the registered URL.</param>
    /// <returns>These options.</returns>
    public PayitoffWebhookOptions UseBasicAuthentication(string userName, string password)
    {
        BasicAuthentication.Credentials.Add(new BasicAuthenticationCredential(userName, password));
        return this;
    }

    /// <summary>Accepts requests whose <paramref name="headerName"/> header carries <paramref name="secret"/>; call again with another secret to rotate.</summary>
    /// <param name="headerName">The header, e.g. <c>X-Webhook-Secret</c>.</param>
    /// <param name="secret">A long random secret.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">Another header name was configured before: add secrets to one header to rotate.</exception>
    public PayitoffWebhookOptions UseSharedSecretHeader(string headerName, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        ArgumentNullException.ThrowIfNull(secret);
        if (!string.IsNullOrEmpty(SharedSecretHeader.HeaderName) && !string.Equals(SharedSecretHeader.HeaderName, headerName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Only one secret header can be configured; add several secrets to the same header to rotate them.", nameof(headerName));
        }

        SharedSecretHeader.HeaderName = headerName;
        SharedSecretHeader.Secrets.Add(secret);
        return this;
    }

    /// <inheritdoc/>
    protected override void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (BasicAuthentication.Credentials.Count > 0)
        {
            verifiers.Add(new BasicAuthenticationVerifier(BasicAuthentication));
        }

        // Half a configuration (a name without secrets) reaches the verifier, whose message says what is missing.
        if (!string.IsNullOrEmpty(SharedSecretHeader.HeaderName) || SharedSecretHeader.Secrets.Count > 0)
        {
            verifiers.Add(new SharedSecretHeaderVerifier(SharedSecretHeader));
        }
    }

    internal override string RegistrationCall => "AddPayitoff";

    /// <inheritdoc/>
    protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new PayitoffWebhookParser(limits);
}
