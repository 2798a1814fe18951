using System.IO;
using LoanWebhooks.Tool;

namespace LoanWebhooks.Tool.Tests;

/// <summary>One run of the tool, in process, with what it wrote to standard output and standard error.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public string AllText => Output + Error;

    public static ToolRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = LoanWebhooksCommandLine.Run(args, output, error);
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }
}
