using System;
using System.IO;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;

namespace LoanWebhooks.Tool;

/// <summary>
/// Sets up the simulator to authenticate a request as the provider does: Canopy signs the body with its secret,
/// receeve with its private key, Payitoff sends Basic credentials (or a secret header), Spinwheel a secret header.
/// </summary>
internal static class ProviderAuthentication
{
    /// <returns>The receeve signer the simulator signs with (the caller disposes it), or null for the other providers.</returns>
    public static ReceeveWebhookSigner? Configure(WebhookSimulator simulator, WebhookProvider provider, SendCredentials credentials, bool redateReceeveTimestamps)
    {
        string name = provider.ToString().ToLowerInvariant();
        RefuseOptionsThatDoNotApply(provider, name, credentials);
        try
        {
            if (credentials.Basic is { } basic)
            {
                int colon = basic.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    throw new UsageException("--basic takes user:password (a user name, a colon, the password).");
                }

                simulator.UseBasicAuthentication(provider, basic[..colon], basic[(colon + 1)..]);
            }

            switch (provider.Name)
            {
                case nameof(WebhookProvider.Canopy):
                    simulator.UseCanopySecret(Require(Secret(credentials), "canopy", "--secret (the webhook secret your app verifies Canopy's hmac_signature with)"));
                    return null;
                case nameof(WebhookProvider.Receeve):
                    ReceeveWebhookSigner signer = credentials.ReceevePrivateKey is { } keyFile ? ReadPrivateKey(keyFile) : ReceeveWebhookSigner.CreateRsa();

                    // The documented samples date from 2020–2022: re-dated, like a delivery sent now, so an app with a
                    // timestamp window accepts them. A file of the user's is sent with the timestamp it has.
                    simulator.UseReceeveSigner(signer, redateReceeveTimestamps ? TimeProvider.System : null);
                    return signer;
                case nameof(WebhookProvider.Payitoff):
                    if (credentials.SecretHeader is not null)
                    {
                        UseSecretHeader(simulator, provider, credentials, "payitoff");
                    }
                    else if (credentials.Basic is null)
                    {
                        throw new UsageException("Sending as Payitoff needs --basic user:password (or --secret-header NAME --secret SECRET), as your app verifies it.");
                    }

                    return null;
                case nameof(WebhookProvider.Spinwheel):
                    UseSecretHeader(simulator, provider, credentials, "spinwheel");
                    return null;
                default:
                    throw new UsageException("Unknown provider.");
            }
        }
        catch (ArgumentException exception)
        {
            // The SDK's argument checks name what is wrong, never the value.
            throw new UsageException(exception.Message, exception);
        }
    }

    private static void UseSecretHeader(WebhookSimulator simulator, WebhookProvider provider, SendCredentials credentials, string name)
    {
        string header = credentials.SecretHeader
            ?? throw new UsageException($"Sending as {name} needs --secret-header NAME --secret SECRET (the custom header you set up with {(provider == WebhookProvider.Spinwheel ? "Spinwheel" : "Payitoff")}).");
        simulator.UseHeader(provider, header, Require(Secret(credentials), name, "--secret (the value of --secret-header)"));
    }

    private static void RefuseOptionsThatDoNotApply(WebhookProvider provider, string name, SendCredentials credentials)
    {
        if (credentials.ReceevePrivateKey is not null && provider != WebhookProvider.Receeve)
        {
            throw new UsageException($"--receeve-private-key is for receeve; {name} does not sign with a private key.");
        }

        if (credentials.SecretHeader is not null && provider.Name is nameof(WebhookProvider.Canopy) or nameof(WebhookProvider.Receeve))
        {
            throw new UsageException($"--secret-header is for Spinwheel and Payitoff; {name} signs the body instead.");
        }

        if (credentials.Secret is not null && provider == WebhookProvider.Receeve)
        {
            throw new UsageException("receeve signs with a private key: pass --receeve-private-key key.pem (or nothing, for a new key pair), not --secret.");
        }
    }

    private static ReceeveWebhookSigner ReadPrivateKey(FileInfo keyFile)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(CapturedFiles.ExistingPath(keyFile, "--receeve-private-key"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The --receeve-private-key file '{keyFile.FullName}' cannot be read: {exception.GetType().Name}.", exception);
        }

        try
        {
            return ReceeveWebhookSigner.FromPrivateKeyPem(pem);
        }
        catch (ArgumentException exception)
        {
            throw new UsageException("The --receeve-private-key file does not hold an RSA or EC private key in PEM (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY).", exception);
        }
    }

    /// <summary>The secret given, or the environment variable's, so the secret need not appear in the shell's history.</summary>
    private static string? Secret(SendCredentials credentials) =>
        credentials.Secret ?? Environment.GetEnvironmentVariable(VerifyCommand.SecretVariable);

    private static string Require(string? value, string provider, string what) =>
        string.IsNullOrEmpty(value) ? throw new UsageException($"Sending as {provider} needs {what}.") : value;
}
