using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Tool;

/// <summary>
/// Builds the SDK's own verifier for a provider, configured as <c>AddLoanWebhooks</c> configures it, so the tool's
/// answer is the answer the application would give.
/// </summary>
internal static class ProviderVerifiers
{
    /// <summary>One verifier factory per provider the tool can verify; a provider without one is refused by name.</summary>
    private static readonly Dictionary<WebhookProvider, Func<VerificationInputs, IWebhookVerifier>> Factories = new()
    {
        [WebhookProvider.Canopy] = CreateCanopy,
        [WebhookProvider.Receeve] = CreateReceeve,
        [WebhookProvider.Payitoff] = CreatePayitoff,
        [WebhookProvider.Spinwheel] = CreateSpinwheel,
    };

    public static IWebhookVerifier Create(WebhookProvider provider, VerificationInputs inputs)
    {
        Func<VerificationInputs, IWebhookVerifier> create = Factories.TryGetValue(provider, out var factory)
            ? factory
            : throw new UsageException(
                $"The tool cannot verify {provider.ToString().ToLowerInvariant()}: it verifies {string.Join(", ", Factories.Keys.Select(p => p.ToString().ToLowerInvariant()))}.");
        try
        {
            return create(inputs);
        }
        catch (ArgumentException exception)
        {
            // The SDK's option errors say what is wrong with a secret or key without containing it.
            throw new UsageException(exception.Message, exception);
        }
    }

    private static CanopySignatureVerifier CreateCanopy(VerificationInputs inputs) =>
        new(new CanopySignatureOptions { Secrets = { Require(inputs.Secret, "canopy", "--secret (the webhook secret Canopy gave you)") } });

    private static ReceeveSignatureVerifier CreateReceeve(VerificationInputs inputs)
    {
        if (inputs.PublicKey is null)
        {
            throw new UsageException("receeve signs with a key pair: pass --public-key key.pem (the PEM public key receeve gave you).");
        }

        var options = new ReceeveSignatureOptions();
        options.PublicKeyFiles.Add(CapturedFiles.ExistingPath(inputs.PublicKey, "--public-key"));
        return new ReceeveSignatureVerifier(options);
    }

    private static IWebhookVerifier CreatePayitoff(VerificationInputs inputs)
    {
        string secret = Require(inputs.Secret, "payitoff", "--secret user:password (Basic authentication) or --secret-header NAME --secret SECRET");
        if (inputs.SecretHeader is { } header)
        {
            return new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions { HeaderName = header, Secrets = { secret } });
        }

        int colon = secret.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new UsageException("For Payitoff's Basic authentication pass --secret user:password (a user name, a colon, the password).");
        }

        var options = new BasicAuthenticationOptions();
        options.Credentials.Add(new BasicAuthenticationCredential(secret[..colon], secret[(colon + 1)..]));
        return new BasicAuthenticationVerifier(options);
    }

    private static SpinwheelAuthenticityVerifier CreateSpinwheel(VerificationInputs inputs)
    {
        string secret = Require(inputs.Secret, "spinwheel", "--secret-header NAME --secret SECRET (the custom header you set up with Spinwheel)");
        string header = inputs.SecretHeader
            ?? throw new UsageException("Spinwheel sends the secret in a header you chose: pass --secret-header NAME.");
        var options = new SpinwheelAuthenticityOptions { VerifySourceAddress = inputs.RemoteAddress is not null };
        options.Headers.Add(new SharedSecretHeaderOptions { HeaderName = header, Secrets = { secret } });
        return new SpinwheelAuthenticityVerifier(options);
    }

    private static string Require(string? value, string provider, string what) =>
        string.IsNullOrEmpty(value) ? throw new UsageException($"Verifying a {provider} request needs {what}.") : value;
}
