namespace LoanWebhooks.Tool;

/// <summary>What the tool's exit code means, so scripts can branch on it.</summary>
internal static class ExitCodes
{
    /// <summary>The request verified, or the body parsed (as a known or an unknown event).</summary>
    public const int Success = 0;

    /// <summary>The request did not verify, or the body did not parse.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: an unknown command or option, a missing value, a file that cannot be read.</summary>
    public const int UsageError = 2;
}
