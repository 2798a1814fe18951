using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;
using Microsoft.AspNetCore.Mvc;

namespace LoanWebhooks.Samples.Mvc.Controllers;

/// <summary>POST /webhooks/{provider} (and /webhooks/{provider}/{eventType} for providers that subscribe a URL per event, like Spinwheel).</summary>
[ApiController]
public sealed class WebhooksController(IWebhookDispatcher dispatcher, IHostApplicationLifetime lifetime) : ControllerBase
{
    [HttpPost("/webhooks/{provider}/{eventType?}"), RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Receive(string provider, string? eventType, CancellationToken cancellationToken)
    {
        // The route names a configured provider in any case: /webhooks/payitoff is WebhookProvider.Payitoff.
        WebhookProvider configured = dispatcher.Providers.Keys.FirstOrDefault(p => string.Equals(p.Name, provider, StringComparison.OrdinalIgnoreCase));
        if (configured == default)
        {
            return NotFound();
        }

        using var body = new MemoryStream();
        await Request.Body.CopyToAsync(body, cancellationToken);
        var delivery = new WebhookDelivery(configured, body.ToArray(), WebhookHeaders.Create(Request.Headers), HttpContext.Connection.RemoteIpAddress, eventType);
        // Not the request's token: handlers that finish although the provider hung up make its redelivery a cheap duplicate.
        var result = await dispatcher.DispatchAsync(delivery, lifetime.ApplicationStopping);

        // The status comes from the provider's o.Responses (defaults): 200 accepted, duplicate, or drifted and durably
        // kept; 503 verification failed, in progress, store unreachable, or drifted but not durably kept (the provider
        // retries); 500 a handler threw; 413 too large; 404 provider not configured; 400 drift under the Reject policy.
        // A parse error's text names members and reasons, never values, so it may go back to the provider.
        return result.ParseError is { } parseError ? StatusCode(result.StatusCode, parseError.ToString()) : StatusCode(result.StatusCode);
    }
}
