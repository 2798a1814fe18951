using System;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Builds the exception a verifier constructor throws for invalid options, from helpers it calls.</summary>
internal static class OptionsErrors
{
    // Every verifier's constructor takes its settings as "options", so that is the parameter at fault even when
    // a shared helper finds the problem. A field rather than a literal: CA2208 would insist on the helper's own parameters.
    private static readonly string OptionsParameter = "options";

    public static ArgumentException Invalid(string message) => new(message, OptionsParameter);
}
