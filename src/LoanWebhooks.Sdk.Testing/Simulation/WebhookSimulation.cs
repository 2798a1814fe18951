using System.Net;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Testing.Simulation;

/// <summary>One simulated delivery and how the endpoint answered it.</summary>
public sealed class WebhookSimulation
{
    internal WebhookSimulation(WebhookProvider provider, string? eventType, string path, HttpStatusCode statusCode, string responseText)
    {
        Provider = provider;
        EventType = eventType;
        Path = path;
        StatusCode = statusCode;
        ResponseText = responseText;
    }

    /// <summary>The provider the request impersonated.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The event type the request was for, when known.</summary>
    public string? EventType { get; }

    /// <summary>The path and query the request was sent to.</summary>
    public string Path { get; }

    /// <summary>The endpoint's status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>True for a 2xx status: the provider would not redeliver.</summary>
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;

    /// <summary>The response body as text (empty for most statuses; a parse error for 400).</summary>
    public string ResponseText { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Provider.ToString().ToLowerInvariant()}/{EventType ?? "(custom body)"} → {(int)StatusCode} {StatusCode}{(ResponseText.Length > 0 ? ": " + ResponseText : string.Empty)}";
}
