using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Receeve;

/// <summary>
/// receeve webhooks, which carry a <c>signature</c> of <c>payloadAsString</c> by receeve's key, checked with the
/// public key receeve gave you, beside the <c>payload</c> handlers receive.
/// </summary>
public sealed class ReceeveWebhookOptions : WebhookProviderOptions
{
    /// <summary>Options with nothing configured; <c>b.AddReceeve(o => …)</c> creates them.</summary>
    public ReceeveWebhookOptions()
        : base(WebhookProvider.Receeve)
    {
    }

    /// <summary>The signature check (and an optional timestamp window); applied when at least one public key is configured.</summary>
    public ReceeveSignatureOptions Signature { get; } = new();

    /// <inheritdoc/>
    protected internal override string VerificationHint =>
        "o.UsePublicKey(publicKeyPem) or o.UsePublicKeyFile(path) with the public key receeve gave you, or o.Verifier = …";

    /// <summary>
    /// Accepts bodies signed by the holder of this public key. Call again with another key while receeve rotates
    /// its key: a body signed by any configured key verifies. The key is parsed at start-up, which fails for text
    /// that is not a PEM RSA or EC public key.
    /// </summary>
    /// <param name="publicKeyPem">The PEM text, <c>-----BEGIN PUBLIC KEY-----</c> or <c>-----BEGIN RSA PUBLIC KEY-----</c>.</param>
    /// <returns>These options.</returns>
    public ReceeveWebhookOptions UsePublicKey(string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        Signature.PublicKeys.Add(publicKeyPem);
        return this;
    }

    /// <summary>
    /// Accepts bodies signed by the holder of the public key in this PEM file, which is read once at start-up
    /// (a missing file fails start-up). Can be combined with <see cref="UsePublicKey"/> and called again to rotate.
    /// </summary>
    /// <param name="path">The path of a file holding one PEM public key.</param>
    /// <returns>These options.</returns>
    public ReceeveWebhookOptions UsePublicKeyFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Signature.PublicKeyFiles.Add(path);
        return this;
    }

    /// <inheritdoc/>
    protected override void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (Signature.PublicKeys.Count > 0 || Signature.PublicKeyFiles.Count > 0)
        {
            verifiers.Add(new ReceeveSignatureVerifier(Signature, timeProvider));
        }
    }

    internal override string RegistrationCall => "AddReceeve";

    /// <inheritdoc/>
    protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new ReceeveWebhookParser(limits);
}
