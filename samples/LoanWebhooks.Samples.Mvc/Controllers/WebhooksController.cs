using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Verification;
using Microsoft.AspNetCore.Mvc;

namespace LoanWebhooks.Samples.Mvc.Controllers;

/// <summary>POST /webhooks/{provider} (and /webhooks/{provider}/{eventType} for providers that subscribe a URL per event, like Spinwheel).</summary>
[ApiController]
public sealed class WebhooksController(IWebhookDispatcher dispatcher) : ControllerBase
{
    [HttpPost("/webhooks/{provider}/{eventType?}"), RequestSizeLimit(1024 * 1024)]
    public async Task<IActionResult> Receive(WebhookProvider provider, string? eventType, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await Request.Body.CopyToAsync(body, cancellationToken);
        var delivery = new WebhookDelivery(provider, body.ToArray(), WebhookHeaders.Create(Request.Headers), HttpContext.Connection.RemoteIpAddress, eventType);
        var result = await dispatcher.DispatchAsync(delivery, cancellationToken);
        return StatusCode(result.StatusCode);
    }
}
