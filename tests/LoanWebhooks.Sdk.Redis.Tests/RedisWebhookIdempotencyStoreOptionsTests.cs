using System;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

public sealed class RedisWebhookIdempotencyStoreOptionsTests
{
    [Fact]
    public void Defaults_are_a_five_minute_lease_a_day_of_retention_a_one_second_command_timeout_and_the_connections_database()
    {
        var options = new RedisWebhookIdempotencyStoreOptions();

        Assert.Equal(TimeSpan.FromMinutes(5), options.ClaimLease);
        Assert.Equal(TimeSpan.FromHours(24), options.CompletedRetention);
        Assert.Equal(TimeSpan.FromSeconds(1), options.CommandTimeout);
        Assert.Equal("loanwebhooks:idempotency:", options.KeyPrefix);
        Assert.Null(options.Database);
    }

    [Fact]
    public void Lifetimes_under_a_millisecond_are_refused()
    {
        var options = new RedisWebhookIdempotencyStoreOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.ClaimLease = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.CompletedRetention = TimeSpan.FromTicks(9_999));
    }

    [Fact]
    public void A_negative_database_and_a_null_prefix_are_refused()
    {
        var options = new RedisWebhookIdempotencyStoreOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Database = -1);
        Assert.Throws<ArgumentNullException>(() => options.KeyPrefix = null!);
    }
}
