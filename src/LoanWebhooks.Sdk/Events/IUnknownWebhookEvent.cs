using System.Text.Json;

namespace LoanWebhooks.Sdk.Events;

/// <summary>Implemented by every provider's unknown event: an event type this SDK version does not know.</summary>
public interface IUnknownWebhookEvent
{
    /// <summary>The whole payload as received.</summary>
    JsonElement Payload { get; }
}
