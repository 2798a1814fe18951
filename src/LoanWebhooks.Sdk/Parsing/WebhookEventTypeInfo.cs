using System;
using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>One event type a parser knows: its discriminator value, accepted aliases and record type.</summary>
public sealed class WebhookEventTypeInfo
{
    internal WebhookEventTypeInfo(string eventType, IReadOnlyList<string> aliases, Type eventClrType)
    {
        EventType = eventType;
        Aliases = aliases;
        EventClrType = eventClrType;
    }

    /// <summary>The canonical discriminator value.</summary>
    public string EventType { get; }

    /// <summary>Other discriminator values accepted for this event.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The generated record the event parses to.</summary>
    public Type EventClrType { get; }

    /// <inheritdoc/>
    public override string ToString() => EventType + " → " + EventClrType.Name;
}
