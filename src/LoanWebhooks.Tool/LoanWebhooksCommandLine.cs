using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace LoanWebhooks.Tool;

/// <summary>The <c>loanwebhooks</c> command line: parses the arguments and runs a command, writing to the given writers.</summary>
internal static class LoanWebhooksCommandLine
{
    /// <summary>Runs the tool as the process would, but with its output captured (the tests call this).</summary>
    /// <returns>The exit code: <see cref="ExitCodes"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "loanwebhooks: answers \"why does this webhook not verify?\" with the LoanWebhooks.Sdk verifier and parser, sends documented samples authenticated as each provider does, and lists what each provider sends; never prints secrets or payload values.")
        {
            VerifyCommand.Create(),
            ParseCommand.Create(),
            SendCommand.Create(),
            EventsCommand.Create(),
            SchemaCommand.Create(),
        };

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"error: {HideValues(parseError.Message, args)}");
            }

            error.WriteLine("Run 'loanwebhooks --help' for the commands, or 'loanwebhooks verify --help' for a command's options.");
            return ExitCodes.UsageError;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// Hides the values the user typed in a parse error: a mistyped option (<c>--secrett s3cr3t</c>) makes its value
    /// an unrecognised token that the parser quotes back, and that value may be a secret.
    /// </summary>
    private static string HideValues(string message, IReadOnlyList<string> args)
    {
        foreach (string arg in args)
        {
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith('-') && equals > 0)
            {
                message = message.Replace(arg, arg[..(equals + 1)] + "(value hidden)", StringComparison.Ordinal);
            }
            else if (!arg.StartsWith('-') && !KnownWords.Contains(arg))
            {
                message = message.Replace("'" + arg + "'", "'(value hidden)'", StringComparison.Ordinal);
            }
        }

        return message;
    }

    private static readonly HashSet<string> KnownWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "verify", "parse", "send", "events", "schema", "payitoff", "canopy", "spinwheel", "receeve",
    };
}
