using System.Text;

namespace LoanWebhooks.Sdk.Parsing;

/// <summary>
/// Why a body could not be parsed. The message names members, positions and JSON token types but never
/// echoes payload values, so it is safe to log.
/// </summary>
public sealed class WebhookParseError
{
    internal WebhookParseError(WebhookParseErrorReason reason, string message, string? eventType = null, string? jsonPath = null, long? lineNumber = null, long? bytePositionInLine = null)
    {
        Reason = reason;
        Message = message;
        EventType = eventType;
        JsonPath = jsonPath;
        LineNumber = lineNumber;
        BytePositionInLine = bytePositionInLine;
    }

    /// <summary>The machine-readable reason.</summary>
    public WebhookParseErrorReason Reason { get; }

    /// <summary>A human-readable explanation.</summary>
    public string Message { get; }

    /// <summary>The event type the body named, when the failure happened after it was read.</summary>
    public string? EventType { get; }

    /// <summary>JSONPath of the offending member for <see cref="WebhookParseErrorReason.SchemaMismatch"/>, e.g. <c>$.data.borrower.uuid</c>.</summary>
    public string? JsonPath { get; }

    /// <summary>Zero-based line of the error for malformed JSON.</summary>
    public long? LineNumber { get; }

    /// <summary>Zero-based byte position within <see cref="LineNumber"/> for malformed JSON.</summary>
    public long? BytePositionInLine { get; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var builder = new StringBuilder().Append(Reason).Append(": ").Append(Message);
        if (EventType is not null)
        {
            builder.Append(" (event type '").Append(EventType).Append("')");
        }

        if (JsonPath is not null)
        {
            builder.Append(" at ").Append(JsonPath);
        }
        else if (LineNumber is not null)
        {
            builder.Append(" at line ").Append(LineNumber).Append(", byte ").Append(BytePositionInLine);
        }

        return builder.ToString();
    }
}
