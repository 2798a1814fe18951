using System;

namespace LoanWebhooks.Sdk.Fuzzing;

/// <summary>The parse + verify path did something other than "typed event, unknown event, or documented error".</summary>
public sealed class FuzzInvariantViolation : Exception
{
    public FuzzInvariantViolation(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
