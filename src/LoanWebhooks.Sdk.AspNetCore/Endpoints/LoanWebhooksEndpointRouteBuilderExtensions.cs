using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using LoanWebhooks.Sdk.AspNetCore.Endpoints;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps webhook endpoints that run deliveries through the <see cref="IWebhookDispatcher"/> registered by <c>AddLoanWebhooks</c>.</summary>
public static class LoanWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for every configured provider, named by the <c>{provider}</c>
    /// parameter (<c>payitoff</c>, <c>canopy</c>, <c>spinwheel</c>, <c>receeve</c>), and <c>POST <paramref name="pattern"/>/{eventType}</c>
    /// for URLs subscribed to one event type (Spinwheel subscribes one URL per event name; the body must then be that event,
    /// or have no discriminator). Answers with the dispatch result's status code; an unknown or unconfigured provider is 404.
    /// </summary>
    /// <remarks>
    /// The endpoints allow anonymous access as far as ASP.NET Core authorization is concerned (a fallback policy that
    /// requires a signed-in user would otherwise refuse every provider): each provider's verifier authenticates the request.
    /// </remarks>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="pattern">A route pattern with a <c>{provider}</c> parameter, e.g. <c>/webhooks/{provider}</c>.</param>
    /// <returns>The route group, for conventions such as <c>RequireHost</c> or rate limiting.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> has no <c>{provider}</c> parameter.</exception>
    /// <exception cref="InvalidOperationException">A provider accepts unverified requests and the environment is Production.</exception>
    public static RouteGroupBuilder MapLoanWebhooks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/webhooks/{provider}")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        RoutePattern parsed = RoutePatternFactory.Parse(pattern);
        if (parsed.GetParameter(WebhookEndpoint.ProviderParameter) is null)
        {
            throw new ArgumentException($"The pattern '{pattern}' has no {{{WebhookEndpoint.ProviderParameter}}} parameter; use MapLoanWebhook(provider, pattern) for a route of one provider.", nameof(pattern));
        }

        EnsureSafeToServe(endpoints.ServiceProvider);
        RouteGroupBuilder group = endpoints.MapGroup(parsed);
        group.MapPost(string.Empty, WebhookEndpoint.HandleAsync);
        group.MapPost($"{{{WebhookEndpoint.EventTypeParameter}}}", WebhookEndpoint.HandleAsync);
        group.AllowAnonymous();
        return group;
    }

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for one provider. An <c>{eventType}</c> parameter in the pattern
    /// names the event type the URL is subscribed to (e.g. <c>/hooks/spinwheel/{eventType}</c>). Allows anonymous access
    /// like <see cref="MapLoanWebhooks"/>: the provider's verifier authenticates the request.
    /// </summary>
    /// <param name="endpoints">The application or a route group.</param>
    /// <param name="provider">The provider that posts to this route; it must be configured.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <returns>The endpoint, for conventions.</returns>
    /// <exception cref="InvalidOperationException">The provider is not configured, or accepts unverified requests in Production.</exception>
    public static IEndpointConventionBuilder MapLoanWebhook(this IEndpointRouteBuilder endpoints, WebhookProvider provider, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        IWebhookDispatcher dispatcher = EnsureSafeToServe(endpoints.ServiceProvider);
        if (!dispatcher.Providers.ContainsKey(provider))
        {
            throw new InvalidOperationException($"{provider} is not configured: add it in AddLoanWebhooks(b => b.Add{provider}(o => …)) before mapping its route.");
        }

        return endpoints.MapPost(pattern, context => WebhookEndpoint.HandleAsync(context, provider)).AllowAnonymous();
    }

    /// <summary>Resolves the dispatcher now (so invalid settings fail at start-up) and refuses unverified providers in Production.</summary>
    private static IWebhookDispatcher EnsureSafeToServe(IServiceProvider services)
    {
        IWebhookDispatcher dispatcher = services.GetRequiredService<IWebhookDispatcher>();
        string[] unverified = dispatcher.Providers.Values.Where(p => !p.IsVerified).Select(p => p.Provider.ToString()).ToArray();
        if (unverified.Length > 0 && services.GetService<IHostEnvironment>()?.IsProduction() == true)
        {
            throw new InvalidOperationException(
                $"Webhook verification is switched off for {string.Join(", ", unverified)} (AllowUnverifiedRequestsForDevelopmentOnly) and the environment is Production. " +
                "Configure a verifier; unverified webhook endpoints let anyone post fake events.");
        }

        return dispatcher;
    }
}
