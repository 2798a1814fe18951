using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>Configures the settings every provider shares, for tests that run over all providers.</summary>
public static class ProviderOptionsConfiguration
{
    /// <summary>Every provider, for a theory that must cover each one.</summary>
    public static TheoryData<WebhookProvider> AllProviders()
    {
        var providers = new TheoryData<WebhookProvider>();
        foreach (WebhookProvider provider in WebhookProvider.BuiltIn)
        {
            providers.Add(provider);
        }

        return providers;
    }

    /// <summary>Adds <paramref name="configure"/> to <paramref name="provider"/>'s options (configurations add up with the test host's).</summary>
    public static LoanWebhooksBuilder Configure(this LoanWebhooksBuilder builder, WebhookProvider provider, Action<WebhookProviderOptions> configure) =>
        provider.Name switch
        {
            nameof(WebhookProvider.Payitoff) => builder.AddPayitoff(configure),
            nameof(WebhookProvider.Canopy) => builder.AddCanopy(configure),
            nameof(WebhookProvider.Spinwheel) => builder.AddSpinwheel(configure),
            nameof(WebhookProvider.Receeve) => builder.AddReceeve(configure),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "A new provider: add its builder method here."),
        };
}
