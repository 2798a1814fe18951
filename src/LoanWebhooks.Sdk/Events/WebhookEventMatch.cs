namespace LoanWebhooks.Sdk.Events;

/// <summary>How the parser chose an event's type, so a near-miss is never silent.</summary>
public enum WebhookEventMatch
{
    /// <summary>The discriminator equals the event's canonical type.</summary>
    Exact = 0,

    /// <summary>The discriminator is a documented alias of the event (e.g. a heading that differs from the payload).</summary>
    Alias = 1,

    /// <summary>The discriminator names a known event with a version this SDK does not know; the body parsed with the known shape.</summary>
    VersionFallback = 2,

    /// <summary>The body had no discriminator; the caller's expected event type was used.</summary>
    ExpectedEventType = 3,

    /// <summary>The event type is not known; the event is the provider's unknown event.</summary>
    Unknown = 4,

    /// <summary>
    /// The body had no discriminator and no expected event type was given; exactly one event's documented
    /// shape (its schema's <c>x-infer</c> rule) matched it, so it was parsed as that event.
    /// </summary>
    Inferred = 5,
}
