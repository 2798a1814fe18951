using System;
using System.ComponentModel;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>A known event: its discriminator values and the generated converter that reads it.</summary>
/// <remarks>For the code the SDK's generator emits: public so that events generated in your own assembly can use it. Not meant to be called directly; it may change in any version.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WebhookEventDescriptor<TEvent>
    where TEvent : WebhookEvent
{
    /// <summary>Describes one known event.</summary>
    /// <param name="eventType">The canonical discriminator value.</param>
    /// <param name="aliases">Other accepted values.</param>
    /// <param name="eventClrType">The event's record type.</param>
    /// <param name="read">The generated converter's read method.</param>
    /// <param name="inference">When a body without a discriminator is this event; null when never.</param>
    public WebhookEventDescriptor(string eventType, string[] aliases, Type eventClrType, JsonValueReader<TEvent> read, WebhookInferenceRule? inference = null)
    {
        EventType = eventType;
        Aliases = aliases;
        EventClrType = eventClrType;
        Read = read;
        Inference = inference;
    }

    internal string EventType { get; }

    internal string[] Aliases { get; }

    internal Type EventClrType { get; }

    internal JsonValueReader<TEvent> Read { get; }

    /// <summary>When a body without a discriminator may be taken for this event; null when never.</summary>
    internal WebhookInferenceRule? Inference { get; }

    /// <summary>Position in the catalog; set once by the catalog that owns the descriptor.</summary>
    // Stryker disable once Unary : equivalent. The catalog that owns the descriptor sets it before any parse can read it.
    internal int Index { get; set; } = -1;
}
