using System;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests;

public sealed class RedisWebhookQuarantineStoreOptionsTests
{
    [Fact]
    public void Defaults_are_ten_thousand_entries_kept_until_removed_under_their_own_prefix_in_the_connections_database()
    {
        var options = new RedisWebhookQuarantineStoreOptions();

        Assert.Equal(10_000, options.MaxEntries);
        Assert.Null(options.Retention);
        Assert.Equal("loanwebhooks:quarantine:", options.KeyPrefix);
        Assert.Null(options.Database);
    }

    [Fact]
    public void A_max_entries_under_one_is_refused()
    {
        var options = new RedisWebhookQuarantineStoreOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxEntries = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxEntries = -1);
        Assert.Equal(10_000, options.MaxEntries);
    }

    [Fact]
    public void A_retention_under_a_millisecond_is_refused_and_null_keeps_entries_until_removed()
    {
        var options = new RedisWebhookQuarantineStoreOptions { Retention = TimeSpan.FromDays(30) };

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retention = TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.Retention = TimeSpan.FromTicks(9_999));
        Assert.Equal(TimeSpan.FromDays(30), options.Retention);

        options.Retention = null;
        Assert.Null(options.Retention);
    }

    [Fact]
    public void A_negative_database_and_a_null_prefix_are_refused()
    {
        var options = new RedisWebhookQuarantineStoreOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.Database = -1);
        Assert.Throws<ArgumentNullException>(() => options.KeyPrefix = null!);
    }
}
