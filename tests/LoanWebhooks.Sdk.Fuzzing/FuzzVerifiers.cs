using System.Collections.Generic;
using System.Security.Cryptography;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Fuzzing;

/// <summary>The verifier each provider's fuzzed requests go through, configured with <see cref="WebhookFuzzTarget.Secret"/> (receeve: with a public key).</summary>
internal static class FuzzVerifiers
{
    private static readonly IWebhookVerifier Payitoff = SharedSecret();
    private static readonly IWebhookVerifier Canopy = new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { WebhookFuzzTarget.Secret } });

    // receeve signs with a private key nobody here holds, as in production: a key made up per run. There is no
    // timestamp window by default, so a fuzzed body's verdict does not depend on the day the fuzzer runs.
    private static readonly IWebhookVerifier Receeve = new ReceeveSignatureVerifier(
        new ReceeveSignatureOptions { PublicKeys = { ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem() } });

    // The fuzzed requests come from loopback, which is added so the header check is reached too.
    private static readonly IWebhookVerifier Spinwheel = new SpinwheelAuthenticityVerifier(new SpinwheelAuthenticityOptions
    {
        AdditionalAllowedAddresses = { "127.0.0.1" },
        Headers = { new SharedSecretHeaderOptions { HeaderName = "X-Webhook-Secret", Secrets = { WebhookFuzzTarget.Secret } } },
    });

    private static readonly Dictionary<WebhookProvider, IWebhookVerifier> ByProvider = new()
    {
        [WebhookProvider.Payitoff] = Payitoff,
        [WebhookProvider.Canopy] = Canopy,
        [WebhookProvider.Spinwheel] = Spinwheel,
        [WebhookProvider.Receeve] = Receeve,
    };

    public static IWebhookVerifier For(WebhookProvider provider) =>
        ByProvider.TryGetValue(provider, out var verifier)
            ? verifier
            : throw new KeyNotFoundException($"The provider {provider} has no fuzz verifier: add one configured with {nameof(WebhookFuzzTarget)}.{nameof(WebhookFuzzTarget.Secret)}.");

    private static SharedSecretHeaderVerifier SharedSecret()
    {
        var options = new SharedSecretHeaderOptions { HeaderName = "X-Webhook-Secret" };
        options.Secrets.Add(WebhookFuzzTarget.Secret);
        return new SharedSecretHeaderVerifier(options);
    }
}
