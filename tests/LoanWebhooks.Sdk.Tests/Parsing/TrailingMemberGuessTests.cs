using System.Text;
using LoanWebhooks.Sdk.Parsing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// <see cref="JsonMemberGuess"/> on its own: which trailing members it finds, and every shape it declines so that the
/// parser falls back to the full scan. The parser's outcome does not depend on the guess (a strict read proves it, and
/// <c>ShortcutEquivalenceTests</c> compare both routes), so only these tests notice a guess that finds too little or
/// reads the wrong bytes.
/// </summary>
public sealed class TrailingMemberGuessTests
{
    [Theory]
    [InlineData("{\"data\":{\"a\":1},\"event\":\"x\"}", "x")]
    [InlineData("{\"data\":{},\"event\":\"account_delinquency\",\"hmac_signature\":\"s\"}", "account_delinquency")]
    [InlineData("{\"event\":\"x\",\"events\":\"y\",\"even\":\"z\"}", "x")]
    [InlineData("{\"event\":\"first\"}", "first")]
    [InlineData("{\"event\":\"\"}", "")]
    [InlineData("{\"data\":{},\"event\":\"x\",}", "x")]
    [InlineData("{\"data\":{} , \"event\"\t:\r\n\"x\" ,\n\"sig\" : \"s\" , } \t\r\n", "x")]
    [InlineData("{\"event\":\"8th\",\"a\":\"\",\"b\":\"\",\"c\":\"\",\"d\":\"\",\"e\":\"\",\"f\":\"\",\"g\":\"\"}", "8th")]
    public void A_plain_string_member_among_the_last_eight_is_found_with_its_exact_value(string body, string value)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(body);

        bool found = JsonMemberGuess.TryFindTrailing(utf8, "event"u8, out var result);

        Assert.True(found);
        Assert.Equal(ScanStatus.Found, result.Status);
        Assert.Equal(value, Encoding.UTF8.GetString(result.Value(utf8)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n")]
    [InlineData("[{\"event\":\"x\"}]")]
    [InlineData("{\"event\":\"x\"} x")]
    [InlineData("{\"event\":\"x\",")]
    [InlineData("\"event\":\"x\"}")]
    [InlineData("{\"event\":\"9th\",\"a\":\"\",\"b\":\"\",\"c\":\"\",\"d\":\"\",\"e\":\"\",\"f\":\"\",\"g\":\"\",\"h\":\"\"}")]
    [InlineData("{\"a\":\"1\",\"b\":\"2\"}")]
    [InlineData("{\"event\":{\"a\":\"b\"}}")]
    [InlineData("{\"event\":\"v\" {\"a\":\"1\"}")]
    [InlineData("{\"event\":\"x\",,}")]
    [InlineData("{\"event\":\"x\" \"a\":\"1\"}")]
    [InlineData("{\"event\" \"x\"}")]
    [InlineData("{\"event\":1}")]
    [InlineData("{\"event\":\"x\\\"y\"}")]
    [InlineData("{\"event\":\"x\\\\\"}")]
    [InlineData("{\"event\":\"x\u0001\"}")]
    [InlineData("{\"ev\\u0065nt\":\"x\"}")]
    [InlineData("{\"event\":\"x\" // comment\n}")]
    [InlineData("{\"event\":\"x\" /* \"a\":\"b\" */}")]
    // No quote where the value should close: the walk must stop there, not read on to the ':' before it.
    [InlineData("{\"event\":,}")]
    [InlineData("{\"event\"::}")]
    // A control character (here whitespace inside the quotes) or a backslash is the last special byte before the
    // closing quote: not an opening quote, so the walk must stop rather than take the ':' before it for a separator.
    [InlineData("{\"event\":\t\"}")]
    [InlineData("{\"event\":\u0001x\"}")]
    [InlineData("{\"event\":\\x\"}")]
    public void A_body_whose_trailing_members_are_not_plain_strings_is_declined(string body)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(body);

        bool found = JsonMemberGuess.TryFindTrailing(utf8, "event"u8, out _);

        Assert.False(found);
    }
}
