using System;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>The one exception <c>Parse</c> throws for bad input; <see cref="Error"/> says why.</summary>
public sealed class WebhookParseException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    /// <param name="error">Why parsing failed.</param>
    public WebhookParseException(WebhookParseError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>Why parsing failed.</summary>
    public WebhookParseError Error { get; }

    /// <summary>Shortcut for <c>Error.Reason</c>.</summary>
    public WebhookParseErrorReason Reason => Error.Reason;
}
