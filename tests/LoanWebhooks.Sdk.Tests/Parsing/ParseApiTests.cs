using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Tests.Approval;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>The parse API: every body shape gives the same event, nothing is lost, nothing leaks.</summary>
public sealed class ParseApiTests
{
    private const string Interrupted = """
        {
          "event_type": "connectivity.interrupted",
          "data": { "borrower_id": "b-1", "servicer_id": "s-1" }
        }
        """;

    [Fact]
    public async Task Span_memory_array_string_and_stream_overloads_give_the_same_event()
    {
        byte[] body = Encoding.UTF8.GetBytes(Interrupted);
        var parser = PayitoffWebhookParser.Default;

        var fromSpan = parser.Parse(body.AsSpan());
        var fromMemory = parser.Parse(body.AsMemory());
        var fromArray = parser.Parse(body);
        var fromString = parser.Parse(Interrupted);
        var fromStream = await parser.ParseAsync(new MemoryStream(body));

        string expected = SnapshotPrinter.Print(fromSpan);
        Assert.All(new PayitoffEvent[] { fromMemory, fromArray, fromString, fromStream }, e => Assert.Equal(expected, SnapshotPrinter.Print(e)));
    }

    [Fact]
    public async Task Stream_over_the_size_limit_is_rejected_without_reading_it_all()
    {
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = 64 });
        var stream = new MemoryStream(new byte[10_000]);

        var exception = await Assert.ThrowsAsync<WebhookParseException>(() => parser.ParseAsync(stream).AsTask());

        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, exception.Reason);
        Assert.True(stream.Position < 10_000);
    }

    [Fact]
    public async Task An_endless_stream_is_read_only_one_byte_past_the_limit()
    {
        const int Limit = 1024 * 1024;
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = Limit });
        var stream = new EndlessCountingStream();

        var exception = await Assert.ThrowsAsync<WebhookParseException>(() => parser.ParseAsync(stream).AsTask());

        // One byte past the limit proves the body too large; the pool's 2 MiB array must not be filled.
        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, exception.Reason);
        Assert.Equal(Limit + 1, stream.BytesRead);

        // Nor is anything asked for after that: to a socket or Kestrel's request body a zero-byte read means "wait
        // until data arrives", which would hold the request until the sender sent more or gave up.
        Assert.Equal(0, stream.ZeroByteReads);
    }

    [Fact]
    public async Task A_stream_exactly_at_the_limit_is_read_whole_and_parsed()
    {
        byte[] body = Encoding.UTF8.GetBytes(Interrupted);
        var parser = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = body.Length });

        var webhookEvent = await parser.ParseAsync(new MemoryStream(body));

        Assert.Equal(Interrupted, webhookEvent.GetRawText());
    }

    [Fact]
    public void A_body_exactly_at_the_limit_parses_and_one_byte_over_it_is_too_large()
    {
        byte[] body = Encoding.UTF8.GetBytes(Interrupted);
        var atLimit = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = body.Length });
        var underLimit = new PayitoffWebhookParser(new WebhookParserOptions { MaxBodyBytes = body.Length - 1 });

        bool parsed = atLimit.TryParse(body, out _, out _);
        bool parsedOver = underLimit.TryParse(body, out _, out var failure);

        Assert.True(parsed);
        Assert.False(parsedOver);
        Assert.Equal(WebhookParseErrorReason.BodyTooLarge, failure!.Reason);
    }

    [Fact]
    public void TryParse_of_a_null_string_is_an_empty_body_not_an_exception()
    {
        bool parsed = PayitoffWebhookParser.Default.TryParse((string?)null, out var webhookEvent, out var failure);

        Assert.False(parsed);
        Assert.Null(webhookEvent);
        Assert.Equal(WebhookParseErrorReason.EmptyBody, failure!.Reason);
    }

    [Fact]
    public void TryParseOwned_of_a_null_array_is_an_empty_body_not_an_exception()
    {
        bool parsed = PayitoffWebhookParser.Default.TryParseOwned(null, out var webhookEvent, out var failure);
        bool parsedThroughInterface = BuiltInWebhookParsers.Default(WebhookProvider.Payitoff).TryParseOwned(null, out _, out var interfaceFailure);

        Assert.False(parsed);
        Assert.Null(webhookEvent);
        Assert.Equal(WebhookParseErrorReason.EmptyBody, failure!.Reason);
        Assert.False(parsedThroughInterface);
        Assert.Equal(WebhookParseErrorReason.EmptyBody, interfaceFailure!.Reason);
    }

    [Fact]
    public void Parse_of_a_null_string_still_throws_ArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PayitoffWebhookParser.Default.Parse((string)null!));
    }

    [Fact]
    public void Raw_json_is_a_private_copy_of_the_body()
    {
        byte[] body = Encoding.UTF8.GetBytes(Interrupted);

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);
        Array.Clear(body);

        Assert.Equal(Interrupted, webhookEvent.GetRawText());
    }

    [Fact]
    public void Utf8_byte_order_mark_is_accepted_and_not_kept_in_raw_json()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Interrupted)];

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        Assert.IsType<PayitoffConnectivityInterruptedEvent>(webhookEvent);
        Assert.Equal(Interrupted, webhookEvent.GetRawText());
    }

    [Fact]
    public void Discriminator_is_found_when_it_is_not_the_first_member()
    {
        const string body = """{ "data": { "borrower_id": "b", "servicer_id": "s" }, "event_type": "connectivity.restored" }""";

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        Assert.IsType<PayitoffConnectivityRestoredEvent>(webhookEvent);
    }

    [Fact]
    public void Escaped_discriminator_value_is_matched_after_unescaping()
    {
        const string body = """{ "event_type": "\u0074est", "data": null }""";

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        Assert.IsType<PayitoffTestEvent>(webhookEvent);
        Assert.Equal("test", webhookEvent.EventType);
    }

    [Fact]
    public void Unknown_event_type_becomes_the_unknown_event_with_the_whole_payload()
    {
        const string body = """{ "event_type": "borrower.promoted", "data": { "borrower": { "uuid": "u-1" }, "level": 3 } }""";

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        var unknown = Assert.IsType<PayitoffUnknownEvent>(webhookEvent);
        Assert.Equal("borrower.promoted", unknown.EventType);
        Assert.Equal(WebhookEventMatch.Unknown, unknown.Match);
        Assert.Equal(3, unknown.Payload.GetProperty("data").GetProperty("level").GetInt32());
        Assert.Equal(body, unknown.GetRawText());
        Assert.IsAssignableFrom<IUnknownWebhookEvent>(unknown);
    }

    [Fact]
    public void Unknown_members_are_kept_as_extension_data_at_every_level()
    {
        const string body = """
            { "event_type": "connectivity.interrupted", "delivery_attempt": 2,
              "data": { "borrower_id": "b", "servicer_id": "s", "reason": { "code": "MFA" } } }
            """;

        var webhookEvent = (PayitoffConnectivityInterruptedEvent)PayitoffWebhookParser.Default.Parse(body);

        Assert.Equal(2, webhookEvent.ExtensionData!["delivery_attempt"].GetInt32());
        Assert.Equal("MFA", webhookEvent.Data.ExtensionData!["reason"].GetProperty("code").GetString());
    }

    [Fact]
    public void Comments_and_trailing_commas_are_read_as_the_docs_show_them()
    {
        const string body = """
            {
              "event_type": "connectivity.interrupted", // as documented
              "data": { "borrower_id": "b", "servicer_id": "s", },
            }
            """;

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        Assert.IsType<PayitoffConnectivityInterruptedEvent>(webhookEvent);
    }

    [Fact]
    public void Expected_event_type_that_agrees_with_the_body_is_accepted()
    {
        var webhookEvent = PayitoffWebhookParser.Default.Parse(Interrupted, expectedEventType: "connectivity.interrupted");

        Assert.Equal(WebhookEventMatch.Exact, webhookEvent.Match);
    }

    [Fact]
    public void Expected_event_type_is_used_when_the_body_has_no_discriminator()
    {
        const string body = """{ "data": { "borrower_id": "b", "servicer_id": "s" } }""";

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body, expectedEventType: "connectivity.interrupted");

        Assert.IsType<PayitoffConnectivityInterruptedEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.ExpectedEventType, webhookEvent.Match);
    }

    [Fact]
    public void Event_built_in_code_carries_its_canonical_type_and_no_raw_json()
    {
        var webhookEvent = new PayitoffTestEvent { Data = null };

        Assert.Equal(PayitoffTestEvent.EventTypeName, webhookEvent.EventType);
        Assert.Equal(WebhookProvider.Payitoff, webhookEvent.Provider);
        Assert.True(webhookEvent.RawJson.IsEmpty);
    }

    [Fact]
    public void Json_context_round_trips_an_event_without_reflection()
    {
        var original = (PayitoffConnectivityInterruptedEvent)PayitoffWebhookParser.Default.Parse(
            """{ "event_type": "connectivity.interrupted", "data": { "borrower_id": "b", "servicer_id": "s", "extra": [1, 2] } }""");

        string json = JsonSerializer.Serialize(original, PayitoffJsonContext.Default.PayitoffConnectivityInterruptedEvent);
        var reparsed = (PayitoffConnectivityInterruptedEvent)PayitoffWebhookParser.Default.Parse(json);

        Assert.Equal("""{"event_type":"connectivity.interrupted","data":{"borrower_id":"b","servicer_id":"s","extra":[1,2]}}""", json);
        Assert.Equal(original.Data.BorrowerId, reparsed.Data.BorrowerId);
        Assert.Equal("[1,2]", reparsed.Data.ExtensionData!["extra"].GetRawText());
    }

    [Fact]
    public void Json_context_serves_every_generated_type_to_JsonSerializer()
    {
        var generated = GeneratedDataTypes();

        var unserved = generated.Where(t => JsonContextOf(t).GetTypeInfo(t) is null).Select(t => t.FullName).ToList();

        Assert.Empty(unserved);
        Assert.True(generated.Count > 300, $"Only {generated.Count} generated types found.");
        Assert.All(WebhookProvider.BuiltIn, provider => Assert.Contains(generated, t => t.Namespace == "LoanWebhooks.Sdk." + provider));
        Assert.All(
            WebhookProvider.BuiltIn.SelectMany(p => BuiltInWebhookParsers.Default(p).EventTypes),
            info => Assert.Contains(info.EventClrType, generated));
        Assert.Null(PayitoffJsonContext.Default.GetTypeInfo(typeof(Uri)));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Json_context_round_trips_every_documented_sample_through_JsonSerializer(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var parsed = BuiltInWebhookParsers.Default(sample.Provider).Parse(sample.Body.Span, sample.EventType);
        var context = JsonContextOf(parsed.GetType());

        string json = JsonSerializer.Serialize(parsed, parsed.GetType(), context);
        object? back = JsonSerializer.Deserialize(json, parsed.GetType(), context);

        Assert.IsType(parsed.GetType(), back);
        Assert.Equal(json, JsonSerializer.Serialize(back, parsed.GetType(), context));
    }

    public static TheoryData<string> SampleNames() => DocumentedSampleData.Names();

    /// <summary>
    /// Every concrete record and value struct the schema generator emitted into the SDK (its parsers and contexts aside).
    /// Abstract family records (<c>SpinwheelPaymentEvent</c>…) have no metadata: serialize an event as its own type. The
    /// unknown events (<c>PayitoffUnknownEvent</c>…) have none either; they are not schema records, and hold their payload as JSON.
    /// </summary>
    private static IReadOnlyList<Type> GeneratedDataTypes() =>
        typeof(PayitoffJsonContext).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "LoanWebhooks.Sdk.Generators")
            .Where(t => !typeof(JsonSerializerContext).IsAssignableFrom(t) && !typeof(IWebhookParser).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => !typeof(IUnknownWebhookEvent).IsAssignableFrom(t))
            .ToList();

    private static JsonSerializerContext JsonContextOf(Type type) => type.Namespace switch
    {
        "LoanWebhooks.Sdk.Payitoff" => PayitoffJsonContext.Default,
        "LoanWebhooks.Sdk.Canopy" => LoanWebhooks.Sdk.Canopy.CanopyJsonContext.Default,
        "LoanWebhooks.Sdk.Spinwheel" => LoanWebhooks.Sdk.Spinwheel.SpinwheelJsonContext.Default,
        "LoanWebhooks.Sdk.Receeve" => LoanWebhooks.Sdk.Receeve.ReceeveJsonContext.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.FullName, "Not a provider namespace."),
    };

    [Fact]
    public void Parser_lists_the_event_types_it_knows_with_their_records()
    {
        var info = Assert.Single(PayitoffWebhookParser.Default.EventTypes, t => t.EventType == "loan.paid_off");

        Assert.Equal(typeof(PayitoffLoanPaidOffEvent), info.EventClrType);
        Assert.Same(PayitoffWebhookParser.Default, BuiltInWebhookParsers.Default(WebhookProvider.Payitoff));
    }

    [Fact]
    public void Parser_options_reject_non_positive_limits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookParserOptions { MaxBodyBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookParserOptions { MaxBodyBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookParserOptions { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebhookParserOptions { MaxDepth = -1 });
    }
}
