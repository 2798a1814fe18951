using System;
using System.Linq;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the webhook dispatcher.</summary>
public static class LoanWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IWebhookDispatcher"/> with the providers and handlers that <paramref name="configure"/> adds,
    /// and an in-memory idempotency store unless one is registered. Provider settings are validated at start-up.
    /// May be called more than once; the registrations add up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds providers (<c>b.AddPayitoff(o => …)</c>) and handlers (<c>b.AddHandler&lt;T&gt;()</c>).</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <example>
    /// <code>
    /// services.AddLoanWebhooks(b => b
    ///     .AddPayitoff(o => o.UseBasicAuthentication(config["Payitoff:User"]!, config["Payitoff:Password"]!))
    ///     .AddHandler&lt;LoanPaidOffHandler&gt;());
    /// </code>
    /// </example>
    public static IServiceCollection AddLoanWebhooks(this IServiceCollection services, Action<LoanWebhooksBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        LoanWebhooksRegistry? registry = services
            .Where(d => d.ServiceType == typeof(LoanWebhooksRegistry))
            .Select(d => d.ImplementationInstance)
            .OfType<LoanWebhooksRegistry>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new LoanWebhooksRegistry(services);
            services.AddSingleton(registry);
            services.AddOptions();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<IWebhookIdempotencyStore>(sp => new InMemoryWebhookIdempotencyStore(
                sp.GetRequiredService<IOptions<InMemoryWebhookIdempotencyStoreOptions>>().Value,
                sp.GetRequiredService<TimeProvider>()));
            services.TryAddSingleton<IWebhookQuarantineStore>(sp => new InMemoryWebhookQuarantineStore(
                sp.GetRequiredService<IOptions<InMemoryWebhookQuarantineStoreOptions>>().Value));
            services.TryAddSingleton<IWebhookDispatcher>(sp => CreateDispatcher(sp, registry));
            services.TryAddSingleton<IWebhookQuarantine>(sp => new WebhookQuarantine(
                sp.GetRequiredService<IWebhookDispatcher>() as WebhookDispatcher ?? throw new InvalidOperationException(
                    "IWebhookQuarantine replays through the SDK's own dispatcher, but IWebhookDispatcher was replaced."),
                sp.GetRequiredService<IWebhookQuarantineStore>()));
        }

        configure(new LoanWebhooksBuilder(services, registry));
        return services;
    }

    private static WebhookDispatcher CreateDispatcher(IServiceProvider services, LoanWebhooksRegistry registry)
    {
        if (registry.Providers.Count == 0)
        {
            throw new InvalidOperationException("AddLoanWebhooks enabled no provider: add one with b.AddPayitoff(o => …), b.AddCanopy(…), b.AddSpinwheel(…), b.AddReceeve(…) or b.AddProvider<TOptions>(…) for one of your own.");
        }

        TimeProvider time = services.GetRequiredService<TimeProvider>();
        var providers = registry.Providers.Select(entry =>
        {
            // Reading Value runs the validator, which throws OptionsValidationException with its message.
            WebhookProviderOptions options = entry.Value.Resolve(services);
            return new WebhookProviderSettings(
                entry.Key,
                options.BuildVerifier(time),
                options.BuildParser(),
                options.Parsing.MaxBodyBytes,
                options.Responses,
                options.SchemaDrift,
                options.DeduplicatesIdenticalBodies);
        }).ToList();

        ILoggerFactory loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        return new WebhookDispatcher(
            providers,
            new WebhookRouteTable(registry.Handlers, registry.IsSingleton, providers.Select(p => p.Parser)),
            services.GetRequiredService<IWebhookIdempotencyStore>(),
            services.GetRequiredService<IWebhookQuarantineStore>(),
            registry.DriftHandlers,
            services,
            services.GetRequiredService<IServiceScopeFactory>(),
            time,
            loggers.CreateLogger(typeof(WebhookDispatcher).FullName!));
    }
}
