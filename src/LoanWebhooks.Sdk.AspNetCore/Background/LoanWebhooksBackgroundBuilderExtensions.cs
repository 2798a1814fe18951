using System;
using LoanWebhooks.Sdk.AspNetCore.Background;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Switches the mapped webhook endpoints to background processing.</summary>
public static class LoanWebhooksBackgroundBuilderExtensions
{
    /// <summary>
    /// Answers the provider with 202 as soon as a delivery is verified, parsed and claimed, and runs its handlers from
    /// a bounded in-process queue drained by a hosted service. On shutdown the queue is drained within the host's
    /// shutdown timeout.
    /// </summary>
    /// <remarks>
    /// The provider is answered before the handlers run, so it cannot redeliver when one fails. With the default
    /// in-process queue, queued deliveries are lost if the process dies; <c>o.UseRedisStreams()</c> (LoanWebhooks.Sdk.Redis)
    /// stores each delivery in Redis before answering instead, with retries and dead letters. That is why inline
    /// processing is the default; use this only when the provider's timeout is shorter than your handlers.
    /// </remarks>
    /// <param name="builder">The builder from <c>AddLoanWebhooks</c>.</param>
    /// <param name="configure">Sets queue capacity and concurrency, or another inbox (<see cref="WebhookBackgroundOptions.InboxRegistration"/>).</param>
    /// <returns>The builder.</returns>
    public static LoanWebhooksBuilder ProcessInBackground(this LoanWebhooksBuilder builder, Action<WebhookBackgroundOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WebhookBackgroundOptions>().Configure(configure ?? (static _ => { }));

        // Read now, not when the options are first resolved: which inbox it is decides what to register.
        var options = new WebhookBackgroundOptions();
        configure?.Invoke(options);
        if (options.InboxRegistration is { } registerInbox)
        {
            registerInbox(builder.Services);
            return builder;
        }

        builder.Services.TryAddSingleton<WebhookBackgroundQueue>();
        builder.Services.TryAddSingleton<IWebhookInbox>(static services => services.GetRequiredService<WebhookBackgroundQueue>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookBackgroundService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LoanWebhooks.Sdk.AspNetCore.Diagnostics.WebhookBackgroundQueueMetrics>());
        return builder;
    }
}
