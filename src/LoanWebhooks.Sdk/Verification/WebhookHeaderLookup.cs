namespace LoanWebhooks.Sdk.Verification;

/// <summary>The outcome of looking up a header that should occur once.</summary>
public enum WebhookHeaderLookup
{
    /// <summary>
    /// The request has no such header. This is the default value so that an uninitialised result never
    /// reads as <see cref="Found"/>.
    /// </summary>
    Missing = 0,

    /// <summary>The header occurs once, or several times with the same value.</summary>
    Found = 1,

    /// <summary>
    /// The header occurs several times with different values. A verifier must reject such a request:
    /// which copy a proxy, the server and the verifier would each read is not defined, and an attacker
    /// could use the difference to slip a second credential past it.
    /// </summary>
    Ambiguous = 2,
}
