using Xunit;

namespace LoanWebhooks.Tool.Tests;

// Shares the LOANWEBHOOKS_SECRET environment variable (one test sets it, others need it unset): never in parallel.
[Collection("LOANWEBHOOKS_SECRET")]
public sealed class UsageErrorTests
{
    [Fact]
    public void No_command_is_a_usage_error_that_points_to_help()
    {
        var run = ToolRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("loanwebhooks --help", run.Error);
    }

    [Fact]
    public void An_unknown_provider_is_a_usage_error_that_lists_the_providers()
    {
        var run = ToolRun.Of("verify", "--provider", "stripe", "--body", "req.json", "--secret", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("canopy", run.Error);
        Assert.Contains("receeve", run.Error);
    }

    [Fact]
    public void A_missing_body_option_is_a_usage_error_that_names_it()
    {
        var run = ToolRun.Of("parse", "--provider", "canopy");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--body", run.Error);
    }

    [Fact]
    public void A_body_file_that_does_not_exist_is_a_usage_error()
    {
        using var files = new CapturedRequestFiles();

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", files.PathOf("missing.json"), "--secret", "canopy-secret");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.Error);
    }

    [Fact]
    public void Canopy_without_a_secret_is_a_usage_error_that_says_to_pass_one()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", "{}");

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--secret", run.Error);
        Assert.Contains("loanwebhooks verify --help", run.Error);
    }

    [Fact]
    public void Receeve_without_a_public_key_is_a_usage_error_that_says_to_pass_one()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", "{}");

        var run = ToolRun.Of("verify", "--provider", "receeve", "--body", body);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--public-key", run.Error);
    }

    [Fact]
    public void A_mistyped_secret_option_does_not_print_the_secret_back()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", "{}");

        var separate = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secrett", "typed-secret-0001");
        var joined = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secrett=typed-secret-0002");

        Assert.Equal(2, separate.ExitCode);
        Assert.Equal(2, joined.ExitCode);
        Assert.Contains("--secrett", separate.Error);
        Assert.DoesNotContain("typed-secret-0001", separate.AllText);
        Assert.DoesNotContain("typed-secret-0002", joined.AllText);
    }

    [Fact]
    public void A_secret_with_surrounding_whitespace_is_refused_without_printing_it()
    {
        using var files = new CapturedRequestFiles();
        string body = files.Write("req.json", "{}");

        var run = ToolRun.Of("verify", "--provider", "canopy", "--body", body, "--secret", " padded-secret-0001 ");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("padded-secret-0001", run.AllText);
    }

    [Fact]
    public void Help_is_printed_with_exit_code_0()
    {
        var run = ToolRun.Of("verify", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--provider", run.Output);
        Assert.Contains("--public-key", run.Output);
    }
}
