namespace LoanWebhooks.Sdk.Testing;

/// <summary>How a sample's body relates to what the provider's documentation shows.</summary>
public enum DocumentedSampleOrigin
{
    /// <summary>The documentation's sample, byte for byte (comments and trailing commas included).</summary>
    Verbatim = 1,

    /// <summary>The documentation's sample with named object placeholders (e.g. <c>Borrower</c>) replaced by an example of that object.</summary>
    Expanded = 2,

    /// <summary>The documentation has no sample for the event; the body was built from its prose.</summary>
    Prose = 3,

    /// <summary>
    /// The documentation shows only part of a sample (e.g. cut off): the body has the members it shows, with
    /// values of ours where it shows none, and lacks whatever the rest of the sample would have held.
    /// </summary>
    Partial = 4,
}
