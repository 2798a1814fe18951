using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LoanWebhooks.Sdk.AspNetCore.Endpoints;

/// <summary>The request delegate behind every mapped webhook route: read → dispatch (or admit and queue) → status.</summary>
internal static class WebhookEndpoint
{
    /// <summary>The route parameter that names the provider in <c>MapLoanWebhooks</c> patterns.</summary>
    public const string ProviderParameter = "provider";

    /// <summary>The optional route parameter that names the subscribed event type (Spinwheel's URL per event name).</summary>
    public const string EventTypeParameter = "eventType";

    /// <summary>Handles a request for the provider named by the route.</summary>
    public static Task HandleAsync(HttpContext context) =>
        TryFindProvider(context.RequestServices.GetRequiredService<IWebhookDispatcher>(), context.GetRouteValue(ProviderParameter) as string, out WebhookProvider provider)
            ? HandleAsync(context, provider)
            : Respond(context, StatusCodes.Status404NotFound);

    /// <summary>Handles a request for a fixed provider.</summary>
    public static async Task HandleAsync(HttpContext context, WebhookProvider provider)
    {
        var dispatcher = context.RequestServices.GetRequiredService<IWebhookDispatcher>();
        if (!dispatcher.Providers.TryGetValue(provider, out WebhookProviderSettings? settings))
        {
            await Respond(context, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        byte[]? body = await WebhookRequestBody.ReadAsync(context, settings.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await Respond(context, settings.Responses.BodyTooLarge).ConfigureAwait(false);
            return;
        }

        // The array was read for this request alone, so the event may keep it instead of a copy.
        var delivery = WebhookDelivery.FromOwnedBody(
            provider,
            body,
            WebhookHeaders.Create(context.Request.Headers),
            context.Connection.RemoteIpAddress,
            context.GetRouteValue(EventTypeParameter) as string);

        // Handlers are not cancelled when the provider hangs up: finishing lets its redelivery be a cheap duplicate.
        CancellationToken stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        if (context.RequestServices.GetService<IWebhookInbox>() is { } queue)
        {
            await AdmitAndQueueAsync(context, dispatcher, queue, delivery, settings.Responses.RetryLater).ConfigureAwait(false);
            return;
        }

        WebhookDispatchResult result = await dispatcher.DispatchAsync(delivery, stopping).ConfigureAwait(false);
        await Respond(context, result).ConfigureAwait(false);
    }

    /// <summary>A configured provider by its name in any case (<c>/webhooks/canopy</c>); only names, never numbers.</summary>
    internal static bool TryFindProvider(IWebhookDispatcher dispatcher, string? name, out WebhookProvider provider)
    {
        provider = default;
        if (!WebhookProvider.IsValidName(name))
        {
            return false;
        }

        foreach (WebhookProvider configured in dispatcher.Providers.Keys)
        {
            if (string.Equals(configured.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                provider = configured;
                return true;
            }
        }

        return false;
    }

    private static async Task AdmitAndQueueAsync(HttpContext context, IWebhookDispatcher dispatcher, IWebhookInbox queue, WebhookDelivery delivery, int retryLater)
    {
        WebhookAdmission admission = await dispatcher.AdmitAsync(delivery, context.RequestAborted).ConfigureAwait(false);
        if (!admission.IsAdmitted)
        {
            await Respond(context, admission.Result).ConfigureAwait(false);
            return;
        }

        bool queued = false;
        try
        {
            queued = await queue.TryEnqueueAsync(admission, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            if (!queued)
            {
                // Shutting down, or the provider hung up while the queue was full: give the delivery back.
                await dispatcher.AbandonAsync(admission, CancellationToken.None).ConfigureAwait(false);
            }
        }

        // A retryable status makes the provider redeliver to an instance that is not shutting down.
        await Respond(context, queued ? admission.Result.StatusCode : retryLater).ConfigureAwait(false);
    }

    private static Task Respond(HttpContext context, WebhookDispatchResult result) =>
        Respond(context, result.StatusCode, result.ParseError?.ToString());

    private static Task Respond(HttpContext context, int statusCode, string? text = null)
    {
        context.Response.StatusCode = statusCode;
        if (text is null)
        {
            return Task.CompletedTask;
        }

        // Only parse errors are explained: they are value-free and help whoever debugs the provider side.
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
