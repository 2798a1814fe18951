using System;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Canopy;

/// <summary>
/// Canopy's far-future sentinel in a western offset (<c>9999-12-31 23:59:59-08</c>) is a UTC instant past year 9999:
/// the delivery fails with a reason that says so, without the value, and the raw body is left for quarantine.
/// </summary>
public sealed class CanopyFarFutureSentinelTests
{
    [Fact]
    public void A_sentinel_past_the_representable_range_is_a_schema_mismatch_that_says_out_of_range()
    {
        string body = DocumentedSamples.Get(WebhookProvider.Canopy, "account_update").BodyText
            .Replace("\"9999-12-31 11:59:59+00\"", "\"9999-12-31 23:59:59-08\"", StringComparison.Ordinal);

        bool parsed = CanopyWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
        Assert.Contains("out of range", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9999", failure.ToString(), StringComparison.Ordinal);
        Assert.NotNull(failure.JsonPath);
    }
}
