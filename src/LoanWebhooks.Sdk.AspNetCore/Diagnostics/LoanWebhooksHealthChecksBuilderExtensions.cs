using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.AspNetCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Health checks for the webhook pipeline: <c>services.AddHealthChecks().AddLoanWebhooksHealthChecks()</c>.</summary>
public static class LoanWebhooksHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds three checks, each tagged <c>loanwebhooks</c>: <c>loanwebhooks-providers</c> (every configured provider
    /// verifies its requests), <c>loanwebhooks-stores</c> (the idempotency store grants and releases a probe claim and
    /// the quarantine store counts its entries, within <paramref name="timeout"/>) and
    /// <c>loanwebhooks-background-queue</c> (the background queue, when there is one, is below 90 % of its capacity).
    /// </summary>
    /// <param name="builder">The builder from <c>AddHealthChecks()</c>.</param>
    /// <param name="failureStatus">What a failed check reports; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="timeout">How long the store checks may take; 5 seconds by default.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddLoanWebhooksHealthChecks(this IHealthChecksBuilder builder, HealthStatus? failureStatus = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        IEnumerable<string> tags = new[] { Tag };
        TimeSpan storeTimeout = timeout ?? TimeSpan.FromSeconds(5);
        builder.Add(new HealthCheckRegistration(ProvidersName, static s => ActivatorUtilities.CreateInstance<WebhookProvidersHealthCheck>(s), failureStatus, tags));
        builder.Add(new HealthCheckRegistration(StoresName, static s => ActivatorUtilities.CreateInstance<WebhookStoresHealthCheck>(s), failureStatus, tags, storeTimeout));
        builder.Add(new HealthCheckRegistration(BackgroundQueueName, static s => new WebhookBackgroundQueueHealthCheck(s), failureStatus, tags));
        return builder;
    }

    /// <summary>The tag every LoanWebhooks check carries, for <c>MapHealthChecks(…, new() { Predicate = c => c.Tags.Contains("loanwebhooks") })</c>.</summary>
    public const string Tag = "loanwebhooks";

    /// <summary>The name of the check that every configured provider verifies its requests.</summary>
    public const string ProvidersName = "loanwebhooks-providers";

    /// <summary>The name of the check that the idempotency and quarantine stores answer.</summary>
    public const string StoresName = "loanwebhooks-stores";

    /// <summary>The name of the check that the background queue is not saturated.</summary>
    public const string BackgroundQueueName = "loanwebhooks-background-queue";
}
