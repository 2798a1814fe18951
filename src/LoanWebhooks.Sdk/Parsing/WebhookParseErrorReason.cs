namespace LoanWebhooks.Sdk.Parsing;

/// <summary>Why a body could not be parsed. Stable, machine-readable; safe to log and to branch on.</summary>
public enum WebhookParseErrorReason
{
    /// <summary>The body is empty or whitespace only.</summary>
    EmptyBody = 1,

    /// <summary>The body is larger than <see cref="WebhookParserOptions.MaxBodyBytes"/>.</summary>
    BodyTooLarge = 2,

    /// <summary>The body is not well-formed JSON (or not valid UTF-8, or has content after the JSON value).</summary>
    MalformedJson = 3,

    /// <summary>The JSON nests deeper than <see cref="WebhookParserOptions.MaxDepth"/>.</summary>
    MaxDepthExceeded = 4,

    /// <summary>The body is JSON but not an object (the discriminator path cannot be followed).</summary>
    NotAnObject = 5,

    /// <summary>The discriminator is absent, the provider requires one, and no expected event type was given.</summary>
    MissingDiscriminator = 6,

    /// <summary>The discriminator is present but not a string (a number, null, an object…).</summary>
    InvalidDiscriminatorType = 7,

    /// <summary>The body's discriminator names a different event than the caller's expected event type.</summary>
    UnexpectedEventType = 8,

    /// <summary>Well-formed JSON that does not match the event's schema: a missing required member, a wrong JSON type, null where not allowed, a duplicate member, a value out of range.</summary>
    SchemaMismatch = 9,
}
