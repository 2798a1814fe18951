namespace LoanWebhooks.Sdk.Events;

/// <summary>The platforms whose webhooks this SDK understands.</summary>
public enum WebhookProvider
{
    /// <summary>Payitoff (student loan assistance). Envelope <c>{ "event_type", "data" }</c>.</summary>
    Payitoff = 1,

    /// <summary>Canopy Servicing (loan servicing). Envelope <c>{ "event", "data", "hmac_signature" }</c>.</summary>
    Canopy = 2,

    /// <summary>Spinwheel (debt connectivity and payments). Flat payloads discriminated by <c>eventType</c>.</summary>
    Spinwheel = 3,

    /// <summary>receeve (collections). Envelope <c>{ "payload": { "details": { "messageType" } }, "payloadAsString", "signature" }</c>.</summary>
    Receeve = 4,
}
