using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Serialization;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>A known event: its discriminator values and the generated converter that reads it.</summary>
internal sealed class WebhookEventDescriptor<TEvent>
    where TEvent : WebhookEvent
{
    public WebhookEventDescriptor(string eventType, string[] aliases, Type eventClrType, JsonValueReader<TEvent> read, WebhookInferenceRule? inference = null)
    {
        EventType = eventType;
        Aliases = aliases;
        EventClrType = eventClrType;
        Read = read;
        Inference = inference;
    }

    public string EventType { get; }

    public string[] Aliases { get; }

    public Type EventClrType { get; }

    public JsonValueReader<TEvent> Read { get; }

    /// <summary>When a body without a discriminator may be taken for this event; null when never.</summary>
    public WebhookInferenceRule? Inference { get; }

    /// <summary>Position in the catalog; set once by the catalog that owns the descriptor.</summary>
    public int Index { get; set; } = -1;
}
