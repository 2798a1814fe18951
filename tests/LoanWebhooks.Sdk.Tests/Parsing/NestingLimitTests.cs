using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// Where the nesting limit lies, with a limit of four: four containers are allowed, a fifth is too deep. A body that is
/// broken some other way is malformed JSON, even when it nests right up to the limit.
/// </summary>
public sealed class NestingLimitTests
{
    private static readonly PayitoffWebhookParser FourLevels = new(new WebhookParserOptions { MaxDepth = 4 });

    [Theory]
    [InlineData("{\"a\":[[[[]]]]}")]
    [InlineData("{\"a\":[[[{}]]]}")]
    [InlineData("{\"a\":[[[[x")]
    public void A_fifth_container_is_deeper_than_the_limit(string body)
    {
        bool parsed = FourLevels.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MaxDepthExceeded, failure!.Reason);
    }

    [Theory]
    [InlineData("{\"a\":[[[1]]] x}")]
    [InlineData("{\"a\":[[[]]] x}")]
    [InlineData("{\"a\":[[[1 x")]
    public void A_broken_body_that_nests_right_up_to_the_limit_is_malformed_json(string body)
    {
        bool parsed = FourLevels.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
    }

    [Fact]
    public void Four_containers_are_within_the_limit()
    {
        bool parsed = FourLevels.TryParse("{\"a\":[[[1]]]}", out _, out var failure);

        // Not a Payitoff event (no discriminator), but read to its end without a depth error.
        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MissingDiscriminator, failure!.Reason);
    }
}
