using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Fuzzing;

/// <summary>The verifier each provider's fuzzed requests go through, configured with <see cref="WebhookFuzzTarget.Secret"/>.</summary>
internal static class FuzzVerifiers
{
    private static readonly IWebhookVerifier Payitoff = SharedSecret();

    // Replaced by each provider's own verifier as they land; a header check still exercises the request path.
    private static readonly IWebhookVerifier Canopy = SharedSecret();
    private static readonly IWebhookVerifier Spinwheel = SharedSecret();
    private static readonly IWebhookVerifier Receeve = SharedSecret();

    public static IWebhookVerifier For(WebhookProvider provider) => provider switch
    {
        WebhookProvider.Payitoff => Payitoff,
        WebhookProvider.Canopy => Canopy,
        WebhookProvider.Spinwheel => Spinwheel,
        _ => Receeve,
    };

    private static SharedSecretHeaderVerifier SharedSecret()
    {
        var options = new SharedSecretHeaderOptions { HeaderName = "X-Webhook-Secret" };
        options.Secrets.Add(WebhookFuzzTarget.Secret);
        return new SharedSecretHeaderVerifier(options);
    }
}
