using System;
using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// What a dispatcher needs from a parser to precompute its routes: every record type an event can parse to,
/// in catalog order (<see cref="EventTypes"/>, then the unknown event).
/// </summary>
internal interface IWebhookEventTable
{
    /// <summary>The known event types; an event's catalog index is its position here.</summary>
    IReadOnlyList<WebhookEventTypeInfo> EventTypes { get; }

    /// <summary>The provider's unknown-event record type, whose catalog index is <c>EventTypes.Count</c>.</summary>
    Type UnknownEventClrType { get; }
}
