using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Samples.CustomProvider.Harbor;

/// <summary>
/// Harbor's webhooks: an HMAC-SHA256 of the raw body, hex, in the <c>Harbor-Signature</c> header as
/// <c>sha256=&lt;hex&gt;</c>. Built from the SDK's public building blocks.
/// </summary>
public sealed class HarborWebhookOptions : WebhookProviderOptions
{
    /// <summary>The header Harbor signs in.</summary>
    public const string SignatureHeader = "Harbor-Signature";

    /// <summary>What the header value starts with before the hex signature.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>Options with nothing configured; <c>b.AddHarbor(o => …)</c> creates them.</summary>
    public HarborWebhookOptions()
        : base(HarborWebhooks.Provider)
    {
    }

    /// <summary>The signature check; applied when at least one secret is configured.</summary>
    public HmacSignatureHeaderOptions Signature { get; } = new()
    {
        HeaderName = SignatureHeader,
        Prefix = SignaturePrefix,
        Encoding = SignatureEncoding.Hex,
    };

    /// <summary>Accepts bodies signed with this secret; call again with another secret to rotate.</summary>
    /// <param name="secret">The signing secret from Harbor's dashboard.</param>
    /// <returns>These options.</returns>
    public HarborWebhookOptions UseSigningSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Signature.Secrets.Add(secret);
        return this;
    }

    /// <inheritdoc/>
    protected override string VerificationHint => "o.UseSigningSecret(secret) with the signing secret from Harbor's dashboard";

    /// <inheritdoc/>
    protected override void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
        if (Signature.Secrets.Count > 0)
        {
            verifiers.Add(new HmacSignatureHeaderVerifier(Signature));
        }
    }

    /// <inheritdoc/>
    protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new HarborWebhookParser(limits);
}
