using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>The test profile of every built-in provider, with its test credentials.</summary>
/// <remarks>
/// The receeve profile signs with a key pair created once per process; configure the endpoint with
/// <see cref="ReceeveTestProfile.PublicKeyPem"/> (as <see cref="ProviderTestProfile.AddVerifiedProvider"/> does).
/// </remarks>
public static class ProviderTestProfiles
{
    private static readonly Lazy<IReadOnlyList<ProviderTestProfile>> BuiltIn = new(() => new ProviderTestProfile[]
    {
        new PayitoffTestProfile(),
        new CanopyTestProfile(),
        new SpinwheelTestProfile(),
        new ReceeveTestProfile(ReceeveWebhookSigner.CreateRsa()),
    });

    /// <summary>Gets the profile of every built-in provider.</summary>
    public static IReadOnlyList<ProviderTestProfile> All => BuiltIn.Value;

    /// <summary>Gets the built-in profile of a provider.</summary>
    /// <param name="provider">The provider.</param>
    /// <returns>Its profile.</returns>
    /// <exception cref="KeyNotFoundException">The provider has no built-in profile (a provider of your own).</exception>
    public static ProviderTestProfile For(WebhookProvider provider) =>
        TryFind(provider)
        ?? throw new KeyNotFoundException(
            $"No test profile for the provider '{provider}'. Built-in profiles: {string.Join(", ", All.Select(p => p.Provider.ToString()))}. " +
            $"For a provider of your own, derive from {nameof(ProviderTestProfile)} and pass it to {nameof(WebhookSimulator)}.{nameof(WebhookSimulator.UseProfile)}.");

    /// <summary>Gets the built-in profile of a provider, or <see langword="null"/> when it has none.</summary>
    internal static ProviderTestProfile? TryFind(WebhookProvider provider) => All.FirstOrDefault(p => p.Provider.Equals(provider));
}
