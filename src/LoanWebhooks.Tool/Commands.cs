using System;
using System.CommandLine;
using System.IO;

namespace LoanWebhooks.Tool;

/// <summary>Runs a command's action, turning a <see cref="UsageException"/> into a message and exit code 2.</summary>
internal static class Commands
{
    public static int Run(ParseResult parsed, Func<TextWriter, int> action)
    {
        TextWriter output = parsed.InvocationConfiguration.Output;
        try
        {
            return action(output);
        }
        catch (UsageException exception)
        {
            TextWriter error = parsed.InvocationConfiguration.Error;
            error.WriteLine($"error: {exception.Message}");
            error.WriteLine($"Run 'loanwebhooks {parsed.CommandResult.Command.Name} --help' for its options.");
            return ExitCodes.UsageError;
        }
    }
}
