using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;

namespace LoanWebhooks.Tool;

/// <summary>
/// Sets up the simulator to authenticate a request as the provider does, from the credentials given on the command
/// line: Canopy signs the body with its secret, receeve with its private key (each through its test profile),
/// Payitoff sends Basic credentials (or a secret header), Spinwheel a secret header.
/// </summary>
internal static class ProviderAuthentication
{
    /// <summary>
    /// One entry per provider the tool can send as; a provider without one is refused by name. Spinwheel sends its
    /// header without its profile: the profile also forwards Spinwheel's published source address, which the tool
    /// cannot send from, so it does not claim it.
    /// </summary>
    private static readonly Dictionary<WebhookProvider, ProviderSendAuthentication> Providers = new()
    {
        [WebhookProvider.Canopy] = new(
            TakesSecret: true,
            TakesSecretHeader: false,
            TakesPrivateKey: false,
            "--secret (Canopy signs the body with its secret)",
            (simulator, _, credentials, _) =>
            {
                simulator.UseProfile(new CanopyTestProfile(Require(Secret(credentials), "canopy", "--secret (the webhook secret your app verifies Canopy's hmac_signature with)")));
                return null;
            }),
        [WebhookProvider.Receeve] = new(
            TakesSecret: false,
            TakesSecretHeader: false,
            TakesPrivateKey: true,
            "--receeve-private-key key.pem (or nothing, for a new key pair): receeve signs the body with a private key",
            (simulator, _, credentials, redateTimestamps) =>
            {
                ReceeveWebhookSigner signer = credentials.ReceevePrivateKey is { } keyFile ? ReadPrivateKey(keyFile) : ReceeveWebhookSigner.CreateRsa();

                // The documented samples date from 2020–2022: re-dated, like a delivery sent now, so an app with a
                // timestamp window accepts them. A file of the user's is sent with the timestamp it has.
                simulator.UseProfile(new ReceeveTestProfile(signer, redateTimestamps ? TimeProvider.System : null));
                return signer;
            }),
        [WebhookProvider.Payitoff] = new(
            TakesSecret: true,
            TakesSecretHeader: true,
            TakesPrivateKey: false,
            "--basic user:password, or --secret-header NAME --secret SECRET",
            (simulator, _, credentials, _) =>
            {
                if (credentials.SecretHeader is not null)
                {
                    string header = credentials.SecretHeader;
                    simulator.UseProfile(PayitoffTestProfile.WithSecretHeader(header, Require(Secret(credentials), "payitoff", "--secret (the value of --secret-header)")));
                }
                else if (credentials.Basic is null)
                {
                    throw new UsageException("Sending as Payitoff needs --basic user:password (or --secret-header NAME --secret SECRET), as your app verifies it.");
                }

                return null;
            }),
        [WebhookProvider.Spinwheel] = new(
            TakesSecret: true,
            TakesSecretHeader: true,
            TakesPrivateKey: false,
            "--secret-header NAME --secret SECRET (the custom header you set up with Spinwheel)",
            (simulator, provider, credentials, _) =>
            {
                string header = credentials.SecretHeader
                    ?? throw new UsageException("Sending as spinwheel needs --secret-header NAME --secret SECRET (the custom header you set up with Spinwheel).");
                simulator.UseHeader(provider, header, Require(Secret(credentials), "spinwheel", "--secret (the value of --secret-header)"));
                return null;
            }),
    };

    /// <returns>The receeve signer the simulator signs with (the caller disposes it), or null for the other providers.</returns>
    public static ReceeveWebhookSigner? Configure(WebhookSimulator simulator, WebhookProvider provider, SendCredentials credentials, bool redateReceeveTimestamps)
    {
        string name = provider.ToString().ToLowerInvariant();
        ProviderSendAuthentication authentication = Providers.TryGetValue(provider, out ProviderSendAuthentication? known)
            ? known
            : throw new UsageException($"The tool cannot send as {name}: it authenticates as {string.Join(", ", Providers.Keys.Select(p => p.ToString().ToLowerInvariant()))}.");
        RefuseOptionsThatDoNotApply(authentication, name, credentials);
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

            return authentication.Configure(simulator, provider, credentials, redateReceeveTimestamps);
        }
        catch (ArgumentException exception)
        {
            // The SDK's argument checks name what is wrong, never the value.
            throw new UsageException(exception.Message, exception);
        }
    }

    private static void RefuseOptionsThatDoNotApply(ProviderSendAuthentication authentication, string name, SendCredentials credentials)
    {
        if (credentials.ReceevePrivateKey is not null && !authentication.TakesPrivateKey)
        {
            throw new UsageException($"--receeve-private-key is for {Taking(a => a.TakesPrivateKey)}; {name} does not sign with a private key (pass {authentication.Credentials}).");
        }

        if (credentials.SecretHeader is not null && !authentication.TakesSecretHeader)
        {
            throw new UsageException($"--secret-header is for {Taking(a => a.TakesSecretHeader)}; {name} takes {authentication.Credentials}.");
        }

        if (credentials.Secret is not null && !authentication.TakesSecret)
        {
            throw new UsageException($"--secret is not for {name}: pass {authentication.Credentials}.");
        }
    }

    private static string Taking(Func<ProviderSendAuthentication, bool> takes) =>
        string.Join(" and ", Providers.Where(p => takes(p.Value)).Select(p => p.Key.ToString().ToLowerInvariant()));

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
