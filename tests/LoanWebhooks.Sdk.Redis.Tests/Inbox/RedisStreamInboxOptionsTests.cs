using System;
using LoanWebhooks.Sdk.Redis.Inbox;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Inbox;

/// <summary>The defaults the README's inbox options table states.</summary>
public sealed class RedisStreamInboxOptionsTests
{
    [Fact]
    public void Defaults_are_the_ones_the_readme_table_states()
    {
        var options = new RedisStreamInboxOptions();

        Assert.Equal("loanwebhooks:{inbox}", options.StreamKey);
        Assert.Equal("loanwebhooks", options.ConsumerGroup);
        Assert.Equal(100_000, options.MaxLength);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ClaimIdleTime);
        Assert.Equal(Environment.ProcessorCount, options.WorkerConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(1), options.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ShutdownTimeout);
        Assert.True(options.RunWorkers);
    }

    [Fact]
    public void The_default_consumer_name_names_the_machine_and_the_process_and_differs_between_options()
    {
        var first = new RedisStreamInboxOptions();
        var second = new RedisStreamInboxOptions();

        Assert.StartsWith(Environment.MachineName, first.ConsumerName, StringComparison.Ordinal);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), first.ConsumerName, StringComparison.Ordinal);
        Assert.NotEqual(first.ConsumerName, second.ConsumerName);
    }
}
