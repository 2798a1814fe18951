using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Spinwheel;

/// <summary>
/// Verifies that a request comes from Spinwheel: from an address Spinwheel publishes for the environment, and
/// carrying the secret values of the custom headers you configured on the webhook.
/// </summary>
/// <remarks>
/// Spinwheel signs nothing: it documents an IP allowlist per environment and lets you add custom headers to each
/// webhook. Neither protects the body from being altered in transit (use HTTPS), nor a captured request from
/// being replayed (de-duplicate on <c>webhookId</c>). Header values are compared in constant time.
/// </remarks>
public sealed class SpinwheelAuthenticityVerifier : IWebhookVerifier
{
    private const string OptionsName = nameof(SpinwheelAuthenticityOptions);

    private static readonly IPAddress[] SandboxAddresses =
        { IPAddress.Parse("34.203.72.127"), IPAddress.Parse("52.2.114.95"), IPAddress.Parse("52.12.60.65") };

    private static readonly IPAddress[] ProductionAddresses =
        { IPAddress.Parse("44.232.30.137"), IPAddress.Parse("3.230.55.249") };

    private readonly CompositeWebhookVerifier _checks;

    /// <summary>Creates a verifier from a snapshot of <paramref name="options"/>.</summary>
    /// <param name="options">The environment, address settings and custom headers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Both checks are off; the environment is not defined; no address would be allowed; an address entry is not
    /// an address or CIDR range; header secrets are checked but no header is configured; a header is null, named
    /// twice, or invalid as for <see cref="SharedSecretHeaderVerifier"/>. The message never contains a secret.
    /// </exception>
    public SpinwheelAuthenticityVerifier(SpinwheelAuthenticityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (!options.VerifySourceAddress && !options.VerifyHeaderSecrets)
        {
            throw new ArgumentException(
                $"{OptionsName} switches off both the source address and the header secret check; with neither, every request would be accepted.",
                nameof(options));
        }

        var checks = new List<IWebhookVerifier>();
        if (options.VerifySourceAddress)
        {
            checks.Add(CreateSourceAddressCheck(options));
        }

        if (options.VerifyHeaderSecrets)
        {
            checks.AddRange(CreateHeaderChecks(options));
        }

        _checks = new CompositeWebhookVerifier(checks);
    }

    /// <summary>Gets the addresses Spinwheel publishes for an environment's webhooks, as this package knows them.</summary>
    /// <param name="environment">The environment.</param>
    /// <returns>The addresses.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="environment"/> is not a defined value.</exception>
    public static IReadOnlyList<IPAddress> GetPublishedAddresses(SpinwheelEnvironment environment) => environment switch
    {
        SpinwheelEnvironment.Sandbox => Array.AsReadOnly(SandboxAddresses),
        SpinwheelEnvironment.Production => Array.AsReadOnly(ProductionAddresses),
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Not a defined SpinwheelEnvironment."),
    };

    /// <inheritdoc/>
    /// <remarks>Checks the source address first, then each header in order; returns the first failure.</remarks>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        // Stryker disable once Statement : equivalent. The composite it hands the request to refuses a null one with the same exception and parameter name.
        ArgumentNullException.ThrowIfNull(request);

        return _checks.Verify(request);
    }

    private static SourceAddressVerifier CreateSourceAddressCheck(SpinwheelAuthenticityOptions options)
    {
        if (!Enum.IsDefined(options.Environment))
        {
            throw new ArgumentException($"{OptionsName}.Environment is not a defined SpinwheelEnvironment value.", nameof(options));
        }

        IEnumerable<IPNetwork> published = options.UsePublishedAddresses
            ? GetPublishedAddresses(options.Environment).Select(address => new IPNetwork(address, 32))
            : Enumerable.Empty<IPNetwork>();
        IPNetwork[] additional = IPAddressRanges.Parse(options.AdditionalAllowedAddresses, $"{OptionsName}.{nameof(options.AdditionalAllowedAddresses)}");
        IPNetwork[] trustedProxies = IPAddressRanges.Parse(options.TrustedProxies, $"{OptionsName}.{nameof(options.TrustedProxies)}");

        return new SourceAddressVerifier(published.Concat(additional).ToArray(), trustedProxies, options.ForwardedForHeaderName, OptionsName);
    }

    private static List<SharedSecretHeaderVerifier> CreateHeaderChecks(SpinwheelAuthenticityOptions options)
    {
        if (options.Headers.Count == 0)
        {
            throw new ArgumentException(
                $"{OptionsName}.Headers is empty: add the custom headers configured on the Spinwheel webhook, or set VerifyHeaderSecrets to false to rely on the source address alone.",
                nameof(options));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var checks = new List<SharedSecretHeaderVerifier>(options.Headers.Count);
        for (int i = 0; i < options.Headers.Count; i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"{OptionsName}.Headers[{i}]");
            SharedSecretHeaderOptions header = options.Headers[i]
                ?? throw new ArgumentException($"{path} is null.", nameof(options));

            checks.Add(new SharedSecretHeaderVerifier(header, path));

            // Two entries for one header would each demand their own secrets of the same value; list all secrets in one.
            if (!names.Add(header.HeaderName))
            {
                throw new ArgumentException(
                    $"{path} names a header that an earlier entry already names; put all its accepted secrets in one entry.",
                    nameof(options));
            }
        }

        return checks;
    }
}
