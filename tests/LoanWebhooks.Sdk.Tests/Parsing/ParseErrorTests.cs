using System;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>Bad input always yields one documented reason, from Parse (as an exception) and TryParse (as a result).</summary>
public sealed class ParseErrorTests
{
    private const string Interrupted = """
        { "event_type": "connectivity.interrupted", "data": { "borrower_id": "b-1", "servicer_id": "s-1" } }
        """;

    public static TheoryData<string, WebhookParseErrorReason> BadBodies() => new()
    {
        { "", WebhookParseErrorReason.EmptyBody },
        { "   \r\n\t ", WebhookParseErrorReason.EmptyBody },
        { "\uFEFF", WebhookParseErrorReason.EmptyBody },
        { "// only a comment", WebhookParseErrorReason.MalformedJson },
        { "{", WebhookParseErrorReason.MalformedJson },
        { "{\"event_type\": \"test\",", WebhookParseErrorReason.MalformedJson },
        { "{\"event_type\": \"test\", \"data\": nul}", WebhookParseErrorReason.MalformedJson },
        { "{\"event_type\": \"test\", \"data\": null} trailing", WebhookParseErrorReason.MalformedJson },
        { "{\"event_type\": \"test\", \"data\": null}{}", WebhookParseErrorReason.MalformedJson },
        { "{'event_type': 'test'}", WebhookParseErrorReason.MalformedJson },
        { "<xml/>", WebhookParseErrorReason.MalformedJson },
        { "[]", WebhookParseErrorReason.NotAnObject },
        { "42", WebhookParseErrorReason.NotAnObject },
        { "\"test\"", WebhookParseErrorReason.NotAnObject },
        { "null", WebhookParseErrorReason.NotAnObject },
        { "{}", WebhookParseErrorReason.MissingDiscriminator },
        { "{\"data\": null}", WebhookParseErrorReason.MissingDiscriminator },
        { "{\"Event_Type\": \"test\", \"data\": null}", WebhookParseErrorReason.MissingDiscriminator },
        { "{\"event_type\": 42, \"data\": null}", WebhookParseErrorReason.InvalidDiscriminatorType },
        { "{\"event_type\": null, \"data\": null}", WebhookParseErrorReason.InvalidDiscriminatorType },
        { "{\"event_type\": [\"test\"], \"data\": null}", WebhookParseErrorReason.InvalidDiscriminatorType },
        { "{\"event_type\": {\"name\": \"test\"}, \"data\": null}", WebhookParseErrorReason.InvalidDiscriminatorType },
        { "{\"event_type\": true, \"data\": null}", WebhookParseErrorReason.InvalidDiscriminatorType },
        { "{\"event_type\": \"test\"}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"test\", \"data\": null, \"data\": null}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"test\", \"event_type\": \"test\", \"data\": null}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"connectivity.interrupted\", \"data\": null}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"connectivity.interrupted\", \"data\": []}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"connectivity.interrupted\", \"data\": {\"borrower_id\": 1, \"servicer_id\": \"s\"}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"connectivity.interrupted\", \"data\": {\"servicer_id\": \"s\"}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"connectivity.interrupted\", \"data\": {\"borrower_id\": null, \"servicer_id\": \"s\"}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"id\": 1e30}}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"id\": 1.5}}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"created_at\": \"yesterday\"}}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"created_at\": \"2024-01-09T15:02:11\"}}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"date_of_birth\": \"1990-02-30\"}}}", WebhookParseErrorReason.SchemaMismatch },
        { "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"collecting_unemployment\": \"false\"}}}", WebhookParseErrorReason.SchemaMismatch },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void TryParse_reports_the_documented_reason(string body, WebhookParseErrorReason expected)
    {
        bool parsed = PayitoffWebhookParser.Default.TryParse(body, out var webhookEvent, out var failure);

        Assert.False(parsed);
        Assert.Null(webhookEvent);
        Assert.Equal(expected, failure!.Reason);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Parse_throws_only_WebhookParseException_with_the_documented_reason(string body, WebhookParseErrorReason expected)
    {
        var exception = Assert.Throws<WebhookParseException>(() => PayitoffWebhookParser.Default.Parse(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(expected, exception.Reason);
        Assert.Equal(expected, exception.Error.Reason);
    }

    [Fact]
    public void Body_over_the_size_limit_is_rejected_before_parsing()
    {
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = 16 });

        bool parsed = parser.TryParse(Encoding.UTF8.GetBytes(Interrupted), out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, failure!.Reason);
    }

    [Fact]
    public void String_body_over_the_size_limit_is_rejected_before_transcoding()
    {
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = 16 });

        var exception = Assert.Throws<WebhookParseException>(() => parser.Parse(new string(' ', 17)));

        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, exception.Reason);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_rejected()
    {
        string deep = "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"address\": "
            + new string('[', 100) + new string(']', 100) + "}}}";

        bool parsed = PayitoffWebhookParser.Default.TryParse(deep, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MaxDepthExceeded, failure!.Reason);
    }

    [Fact]
    public void Nesting_limit_is_configurable()
    {
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxDepth = 1 });

        bool parsed = parser.TryParse(Interrupted, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MaxDepthExceeded, failure!.Reason);
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_malformed_json()
    {
        byte[] body = Encoding.UTF8.GetBytes(Interrupted.Replace("b-1", "b-\u00e9", StringComparison.Ordinal));
        int index = Array.IndexOf(body, (byte)0xC3);
        body[index + 1] = 0x28; // 0xC3 0x28 is not valid UTF-8

        bool parsed = PayitoffWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
    }

    [Fact]
    public void Invalid_utf8_inside_an_escaped_discriminator_is_malformed_json()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"event_type\": \"\\u0074es##\", \"data\": null}");
        int index = Array.IndexOf(body, (byte)'#');
        body[index] = 0xC3;
        body[index + 1] = 0x28;

        bool parsed = PayitoffWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
    }

    [Fact]
    public void Truncated_documented_sample_is_malformed_json_at_every_cut()
    {
        byte[] body = Encoding.UTF8.GetBytes(Interrupted);

        for (int length = 1; length < body.Length - 1; length++)
        {
            bool parsed = PayitoffWebhookParser.Default.TryParse(body.AsSpan(0, length), out _, out var failure);

            Assert.False(parsed);
            Assert.Contains(failure!.Reason, new[] { WebhookParseErrorReason.MalformedJson, WebhookParseErrorReason.EmptyBody });
        }
    }

    [Fact]
    public void Schema_mismatch_names_the_path_of_the_offending_member()
    {
        const string body = """{"event_type": "refinance.initiated", "data": {"borrower": {"uuid": "u", "income_certifications": [{"id": 1}, {"id": "two"}]}}}""";

        PayitoffWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
        Assert.Equal("$.data.borrower.income_certifications[1].id", failure.JsonPath);
        Assert.Equal("refinance.initiated", failure.EventType);
    }

    [Fact]
    public void Missing_required_member_names_the_object_it_is_missing_from()
    {
        const string body = """{"event_type": "connectivity.interrupted", "data": {"servicer_id": "s"}}""";

        PayitoffWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.Equal("$.data", failure!.JsonPath);
        Assert.Contains("borrower_id", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_mismatch_prints_its_reason_message_event_type_and_path()
    {
        PayitoffWebhookParser.Default.TryParse(
            """{ "event_type": "connectivity.interrupted", "data": { "borrower_id": 5, "servicer_id": "s-1" } }""", out _, out var failure);

        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
        Assert.Equal("connectivity.interrupted", failure.EventType);
        Assert.NotNull(failure.JsonPath);
        Assert.Equal(
            $"SchemaMismatch: {failure.Message} (event type 'connectivity.interrupted') at {failure.JsonPath}",
            failure.ToString());
    }

    [Fact]
    public void An_error_without_event_type_or_position_prints_only_its_reason_and_message()
    {
        PayitoffWebhookParser.Default.TryParse(" ", out _, out var failure);

        Assert.Null(failure!.EventType);
        Assert.Null(failure.JsonPath);
        Assert.Null(failure.LineNumber);
        Assert.Equal($"{failure.Reason}: {failure.Message}", failure.ToString());
    }

    [Fact]
    public void Malformed_json_reports_line_and_position()
    {
        PayitoffWebhookParser.Default.TryParse("{\n\"event_type\": \"test\",\n\"data\": nope}", out _, out var failure);

        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
        Assert.Equal(2, failure.LineNumber);
        Assert.NotNull(failure.BytePositionInLine);
        Assert.EndsWith($" at line 2, byte {failure.BytePositionInLine}", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Error_messages_never_echo_payload_values()
    {
        const string secret = "SSN-123-45-6789";
        string[] bodies =
        {
            "{\"event_type\": \"connectivity.interrupted\", \"data\": {\"borrower_id\": {\"x\": \"" + secret + "\"}, \"servicer_id\": \"s\"}}",
            "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"created_at\": \"" + secret + "\"}}}",
            "{\"event_type\": \"refinance.initiated\", \"data\": {\"borrower\": {\"uuid\": \"u\", \"id\": \"" + secret + "\"}}}",
            "{\"event_type\": \"test\", \"data\": null, \"x\": \"" + secret + "\" ",
        };

        foreach (string body in bodies)
        {
            PayitoffWebhookParser.Default.TryParse(body, out _, out var failure);

            Assert.NotNull(failure);
            Assert.DoesNotContain(secret, failure!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, new WebhookParseException(failure).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unexpected_event_type_is_rejected_when_the_body_names_another_event()
    {
        bool parsed = PayitoffWebhookParser.Default.TryParse(Interrupted, out _, out var failure, expectedEventType: "loan.paid_off");

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, failure!.Reason);
        Assert.Equal("connectivity.interrupted", failure.EventType);
    }

    [Fact]
    public void Every_reason_is_covered_by_a_test()
    {
        var covered = BadBodies().Select(row => (WebhookParseErrorReason)row[1])
            .Concat(new[] { WebhookParseErrorReason.BodyTooLarge, WebhookParseErrorReason.MaxDepthExceeded, WebhookParseErrorReason.UnexpectedEventType })
            .ToHashSet();

        Assert.Equal(Enum.GetValues<WebhookParseErrorReason>().ToHashSet(), covered);
    }
}
