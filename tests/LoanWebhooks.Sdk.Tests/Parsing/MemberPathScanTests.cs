using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Serialization;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// <see cref="JsonMemberScanner"/> on its own: the string at a member path (the discriminator, the deduplication id),
/// wherever it sits among its siblings, and the status it answers when there is none.
/// </summary>
public sealed class MemberPathScanTests
{
    private static readonly JsonReaderOptions Options = WebhookJsonDefaults.ReaderOptions(64);

    [Theory]
    [InlineData("{\"event\":\"x\"}", "x")]
    [InlineData("{\"a\":1,\"b\":[{\"event\":\"nested\"}],\"c\":{\"event\":\"nested\"},\"event\":\"x\"}", "x")]
    [InlineData("{\"event\":\"first\",\"event\":\"second\"}", "first")]
    [InlineData("{ // a comment\n \"event\" : \"x\" , }", "x")]
    [InlineData("{\"\\u0065vent\":\"x\"}", "x")]
    [InlineData("{\"event\":\"a\\u0062c\"}", "abc")]
    [InlineData("{\"event\":\"\"}", "")]
    public void The_string_of_a_top_level_member_is_found_among_its_siblings(string body, string value)
    {
        var result = Scan(body, "event", out byte[] utf8);

        Assert.Equal(ScanStatus.Found, result.Status);
        Assert.Equal(value, Encoding.UTF8.GetString(result.Value(utf8)));
    }

    [Theory]
    [InlineData("{\"payload\":{\"details\":{\"messageType\":\"m\"}}}")]
    [InlineData("{\"x\":{\"payload\":{}},\"payload\":{\"x\":{\"messageType\":\"no\"},\"details\":{\"a\":[1],\"messageType\":\"m\"},\"y\":1}}")]
    public void The_string_at_a_nested_path_is_found_past_look_alikes_at_other_levels(string body)
    {
        var result = Scan(body, ["payload", "details", "messageType"], out byte[] utf8);

        Assert.Equal(ScanStatus.Found, result.Status);
        Assert.Equal("m", Encoding.UTF8.GetString(result.Value(utf8)));
    }

    [Theory]
    [InlineData("{\"payload\":{\"details\":{\"x\":\"1\"},\"y\":\"2\"},\"z\":\"3\"}", JsonTokenType.None)]
    [InlineData("{\"payload\":{\"x\":{\"details\":{\"messageType\":\"m\"}}}}", JsonTokenType.None)]
    [InlineData("{\"x\":{\"details\":{\"messageType\":\"m\"}}}", JsonTokenType.None)]
    [InlineData("{\"payload\":{\"a\":1},\"messageType\":\"m\"}", JsonTokenType.None)]
    [InlineData("{\"payload\":\"text\",\"details\":{\"messageType\":\"m\"}}", JsonTokenType.String)]
    [InlineData("{\"payload\":{\"details\":[{\"messageType\":\"m\"}]}}", JsonTokenType.StartArray)]
    public void A_path_whose_member_is_missing_at_any_level_is_missing(string body, JsonTokenType tokenType)
    {
        var result = Scan(body, ["payload", "details", "messageType"], out _);

        Assert.Equal(ScanStatus.Missing, result.Status);
        Assert.Equal(tokenType, result.TokenType);
    }

    [Theory]
    [InlineData("{\"event\":7}", JsonTokenType.Number)]
    [InlineData("{\"event\":null}", JsonTokenType.Null)]
    [InlineData("{\"event\":{\"event\":\"x\"}}", JsonTokenType.StartObject)]
    public void A_member_that_is_not_a_string_is_an_invalid_type(string body, JsonTokenType tokenType)
    {
        var result = Scan(body, "event", out _);

        Assert.Equal(ScanStatus.InvalidType, result.Status);
        Assert.Equal(tokenType, result.TokenType);
    }

    [Theory]
    [InlineData("[{\"event\":\"x\"}]", JsonTokenType.StartArray)]
    [InlineData("\"event\"", JsonTokenType.String)]
    public void A_body_that_is_no_object_says_what_it_is(string body, JsonTokenType tokenType)
    {
        var result = Scan(body, "event", out _);

        Assert.Equal(ScanStatus.NotAnObject, result.Status);
        Assert.Equal(tokenType, result.TokenType);
    }

    private static ScanResult Scan(string body, string member, out byte[] utf8) => Scan(body, [member], out utf8);

    private static ScanResult Scan(string body, string[] path, out byte[] utf8)
    {
        utf8 = Encoding.UTF8.GetBytes(body);
        byte[][] utf8Path = System.Array.ConvertAll(path, Encoding.UTF8.GetBytes);
        return JsonMemberScanner.Scan(utf8, utf8Path, Options);
    }
}
