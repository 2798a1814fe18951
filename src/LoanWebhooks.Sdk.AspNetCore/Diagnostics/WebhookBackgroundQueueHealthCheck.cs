using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.AspNetCore.Background;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LoanWebhooks.Sdk.AspNetCore.Diagnostics;

/// <summary>
/// The background queue is not saturated: degraded from 90 % of its capacity (deliveries start to wait before they
/// are answered), failed when full. Healthy when deliveries are processed inline (there is no queue).
/// </summary>
internal sealed class WebhookBackgroundQueueHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <summary>The share of the capacity from which the queue is reported degraded.</summary>
    internal const double DegradedFrom = 0.9;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<WebhookBackgroundQueue>() is not { } queue)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Deliveries are processed inline; there is no background queue."));
        }

        int capacity = services.GetRequiredService<IOptions<WebhookBackgroundOptions>>().Value.QueueCapacity;
        int length = queue.Reader.Count;
        var data = new System.Collections.Generic.Dictionary<string, object> { ["length"] = length, ["capacity"] = capacity };
        string description = $"{length} of {capacity} background queue slots in use.";
        HealthCheckResult result = length >= capacity
            ? new HealthCheckResult(context.Registration.FailureStatus, description + " The queue is full: deliveries wait before they are answered.", data: data)
            : length >= capacity * DegradedFrom
                ? HealthCheckResult.Degraded(description, data: data)
                : HealthCheckResult.Healthy(description, data);
        return Task.FromResult(result);
    }
}
