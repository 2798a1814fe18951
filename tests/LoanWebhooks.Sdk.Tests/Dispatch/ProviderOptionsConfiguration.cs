using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Providers;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>Configures the settings every provider shares, for tests that run over all providers.</summary>
public static class ProviderOptionsConfiguration
{
    /// <summary>Every provider with a test profile, for a theory that must cover each one.</summary>
    public static TheoryData<WebhookProvider> AllProviders()
    {
        var providers = new TheoryData<WebhookProvider>();
        foreach (ProviderTestProfile profile in ProviderTestProfiles.All)
        {
            providers.Add(profile.Provider);
        }

        return providers;
    }

    /// <summary>Adds <paramref name="configure"/> to <paramref name="provider"/>'s options (configurations add up with the test host's).</summary>
    public static LoanWebhooksBuilder Configure(this LoanWebhooksBuilder builder, WebhookProvider provider, Action<WebhookProviderOptions> configure) =>
        ProviderTestProfiles.For(provider).AddProvider(builder, configure);
}
