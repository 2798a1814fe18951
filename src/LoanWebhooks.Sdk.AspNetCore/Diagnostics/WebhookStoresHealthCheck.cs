using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Quarantine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LoanWebhooks.Sdk.AspNetCore.Diagnostics;

/// <summary>
/// The idempotency store grants and releases a claim on a probe key of this process's own, and the quarantine store
/// counts its entries: with the Redis stores, a round trip to Redis each. Works for any store, without knowing which.
/// </summary>
internal sealed class WebhookStoresHealthCheck(IWebhookDispatcher dispatcher, IWebhookIdempotencyStore idempotency, IWebhookQuarantineStore quarantine) : IHealthCheck
{
    /// <summary>One probe key per process: a check never collides with a delivery, and concurrent checks only see "in progress".</summary>
    private static readonly string ProbeValue = "loanwebhooks-health-probe-" + Guid.NewGuid().ToString("N");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        WebhookProvider provider = default;
        foreach (WebhookProvider configured in dispatcher.Providers.Keys)
        {
            provider = configured;
            break;
        }

        string stage = "idempotency store";
        try
        {
            if (dispatcher.Providers.Count > 0)
            {
                var probe = new WebhookIdempotencyKey(provider, ProbeValue, WebhookIdempotencyKeySource.BodyHash);
                WebhookIdempotencyClaim claim = await idempotency.ClaimAsync(probe, cancellationToken).ConfigureAwait(false);
                if (claim.Status == WebhookClaimStatus.Claimed)
                {
                    await idempotency.ReleaseAsync(claim, cancellationToken).ConfigureAwait(false);
                }
            }

            stage = "quarantine store";
            long quarantined = await quarantine.CountAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(
                $"The idempotency store ({idempotency.GetType().Name}) and the quarantine store ({quarantine.GetType().Name}) answer; {quarantined} delivery(ies) in the quarantine.",
                new System.Collections.Generic.Dictionary<string, object> { ["quarantined"] = quarantined });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception goes to the health report's own log; the description names only the store.
            return new HealthCheckResult(context.Registration.FailureStatus, $"The {stage} did not answer ({e.GetType().Name}).", e);
        }
    }
}
