namespace LoanWebhooks.Sdk.Verification;

/// <summary>Why a webhook request failed verification, in a form code can act on.</summary>
public enum WebhookVerificationFailureReason
{
    /// <summary>The request did not fail: it is verified.</summary>
    None = 0,

    /// <summary>The request carries no credential (no header, or an empty one).</summary>
    MissingCredential = 1,

    /// <summary>The credential header occurs more than once with different values.</summary>
    AmbiguousCredential = 2,

    /// <summary>The credential is present but cannot be read (wrong scheme, bad encoding, missing parts).</summary>
    MalformedCredential = 3,

    /// <summary>The credential is well formed but matches none of the configured secrets.</summary>
    InvalidCredential = 4,

    /// <summary>The request came from an address that is not allowed, or from an unknown address.</summary>
    SourceAddressNotAllowed = 5,

    /// <summary>The request is authentic but too old (or dated too far in the future) to be accepted.</summary>
    Expired = 6,

    /// <summary>
    /// The body is not what the provider's signature scheme signs, so no signature can be checked: not a JSON
    /// object, or the signed member (or a member the check needs, such as a timestamp) is missing, repeated
    /// or of the wrong type.
    /// </summary>
    MalformedBody = 7,

    /// <summary>
    /// The signature is genuine, but the body carries the signed content twice and the copy handlers would receive
    /// differs from the signed one (receeve: <c>payload</c> is not JSON-equal to the signed <c>payloadAsString</c>).
    /// The request is refused and never dispatched: acting on it would act on content nobody signed.
    /// </summary>
    SignedContentMismatch = 8,
}
