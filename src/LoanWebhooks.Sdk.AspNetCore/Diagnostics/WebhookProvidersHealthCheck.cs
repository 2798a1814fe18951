using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoanWebhooks.Sdk.AspNetCore.Diagnostics;

/// <summary>Every configured provider has a verifier: one running with verification switched off accepts forged events.</summary>
internal sealed class WebhookProvidersHealthCheck(IWebhookDispatcher dispatcher) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string[] unverified = dispatcher.Providers.Values.Where(p => !p.IsVerified).Select(p => p.Provider.ToString()).Order().ToArray();
        if (dispatcher.Providers.Count == 0)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "No webhook provider is configured."));
        }

        return Task.FromResult(unverified.Length == 0
            ? HealthCheckResult.Healthy($"{dispatcher.Providers.Count} provider(s) configured, each with a verifier.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"Verification is switched off for {string.Join(", ", unverified)}: anyone who finds the URL can post events."));
    }
}
