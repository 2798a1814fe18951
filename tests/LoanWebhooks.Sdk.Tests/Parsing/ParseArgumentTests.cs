using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>What the parse API and the catalog pieces refuse up front, and the edges of what they accept.</summary>
public sealed class ParseArgumentTests
{
    private const string Interrupted = """{ "event_type": "connectivity.interrupted", "data": { "borrower_id": "b-1", "servicer_id": "s-1" } }""";

    [Fact]
    public async Task A_null_array_or_stream_is_refused_with_ArgumentNullException()
    {
        var parser = PayitoffWebhookParser.Default;

        Assert.Throws<ArgumentNullException>(() => parser.Parse((byte[])null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => parser.ParseAsync(null!).AsTask());
    }

    [Fact]
    public void A_parser_created_with_null_options_is_refused_with_ArgumentNullException_naming_them()
    {
        var refused = Assert.Throws<ArgumentNullException>(() => new PayitoffWebhookParser(null!));

        Assert.Equal("options", refused.ParamName);
    }

    [Fact]
    public void A_string_body_of_exactly_the_limit_in_characters_parses()
    {
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = Interrupted.Length });

        bool parsed = parser.TryParse(Interrupted, out var webhookEvent, out _);

        Assert.True(parsed);
        Assert.Equal(Interrupted, webhookEvent!.GetRawText());
    }

    [Fact]
    public void A_body_without_a_discriminator_and_an_expected_type_the_sdk_does_not_know_is_that_unknown_event()
    {
        var webhookEvent = PayitoffWebhookParser.Default.Parse("""{ "data": {} }""", expectedEventType: "not.yet.documented");

        Assert.IsType<PayitoffUnknownEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Unknown, webhookEvent.Match);
        Assert.Equal("not.yet.documented", webhookEvent.EventType);
    }

    [Fact]
    public void A_discriminator_needs_at_least_one_member()
    {
        Assert.Throws<ArgumentException>(() => new WebhookDiscriminator([], optional: false, versioned: false));
    }

    [Fact]
    public void An_event_table_refuses_the_same_value_twice()
    {
        byte[] key = Encoding.UTF8.GetBytes("connectivity.interrupted");

        Assert.Throws<ArgumentException>(() => new Utf8KeyTable<string>([new(key, "first"), new((byte[])key.Clone(), "second")]));
    }
}
