using System;

namespace LoanWebhooks.Tool;

/// <summary>
/// A command line the tool cannot act on although it parsed: a file that does not exist, an option the provider
/// needs but was not given. Its message says what to pass and never contains a secret or a payload value.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
