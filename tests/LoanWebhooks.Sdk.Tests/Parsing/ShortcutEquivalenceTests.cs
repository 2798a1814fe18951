using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Approval;
using LoanWebhooks.Sdk.Tests.Hardening;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// The parser's fast paths must never change an outcome. The guessed trailing discriminator (proven by a strict read):
/// every body gives exactly what the plain stages give (<c>GuessesTrailingDiscriminator = false</c>) — same event,
/// printed the same, same raw bytes, same idempotency key, or the same error down to its position. The deduplication
/// id taken from typed members: always the id the scan of the body finds.
/// </summary>
public sealed class ShortcutEquivalenceTests
{
    private const int MutationsPerSample = 1_500;
    private static readonly byte[] Interesting = "{}[]\":,\\0123456789-+.eEtruefalsnl \t\r\n/*\u00ff"u8.ToArray();

    /// <summary>Fragments that attack the edge readers: comments, escapes, quotes, duplicated discriminators and ids.</summary>
    private static readonly string[] EdgeFragments =
    [
        "//", "/*", "*/", "\n", "\\", "\\\"", "\"", ",", "}", "{", ":", " ", "\t", "\u0001",
        "\"event\":\"account_delinquency\",", ",\"event\":\"account_delinquency\"", "\"event\": \"x\",",
        "\"webhookId\":\"w-1\",", ",\"webhookId\":\"w-2\"", "\"eventType\":\"USER_LIABILITIES_CONNECTED\",",
        ",\"eventType\":\"USER_PAYMENT_STATUS\"", "\"event_type\":\"test\",", "\"\\u0065vent\":\"account_delinquency\",",
        "// ,\"event\":\"account_delinquency\"\n", "/* ,\"webhookId\":\"w-3\" */", "\"messageId\":\"m-1\",", "{\"messageId\":\"m-2\"},", "[\"]\",{}],",
    ];

    /// <summary>Per provider: the parser with its fast path, the same parser without it, and the scan route of the deduplication id.</summary>
    private static readonly Dictionary<WebhookProvider, Func<WebhookParserOptions, ParserPair>> PairsByProvider = new()
    {
        [WebhookProvider.Payitoff] = options => Pair((o, guesses) => new PayitoffWebhookParser(o) { GuessesTrailingDiscriminator = guesses }, options),
        [WebhookProvider.Canopy] = options => Pair((o, guesses) => new CanopyWebhookParser(o) { GuessesTrailingDiscriminator = guesses }, options),
        [WebhookProvider.Spinwheel] = options => Pair((o, guesses) => new SpinwheelWebhookParser(o) { GuessesTrailingDiscriminator = guesses }, options),
        [WebhookProvider.Receeve] = options => Pair((o, guesses) => new ReceeveWebhookParser(o) { GuessesTrailingDiscriminator = guesses }, options),
    };

    [Fact]
    public void Mutated_documented_samples_parse_exactly_as_the_reference_route_does()
    {
        var random = new Random(7_20261123);
        foreach (var sample in DocumentedSamples.All)
        {
            byte[] original = sample.Body.ToArray();
            for (int i = 0; i < MutationsPerSample; i++)
            {
                AssertSameOutcome(sample.Provider, SeededByteMutator.Mutate(original, random, Interesting));
            }
        }
    }

    [Fact]
    public void Samples_with_fragments_near_either_edge_parse_exactly_as_the_reference_route_does()
    {
        var random = new Random(11_20261123);
        foreach (var sample in DocumentedSamples.All)
        {
            string original = sample.BodyText;
            for (int i = 0; i < MutationsPerSample; i++)
            {
                string body = original;
                for (int edits = 1 + random.Next(3); edits > 0; edits--)
                {
                    // Within the first or last 120 characters, where the shortcuts look.
                    int window = Math.Min(120, body.Length);
                    int at = random.Next(2) == 0 ? random.Next(window + 1) : body.Length - random.Next(window + 1);
                    body = random.Next(4) == 0 && at < body.Length
                        ? body.Remove(at, 1)
                        : body.Insert(at, EdgeFragments[random.Next(EdgeFragments.Length)]);
                }

                AssertSameOutcome(sample.Provider, Encoding.UTF8.GetBytes(body));
            }
        }
    }

    public static TheoryData<WebhookProvider, string> CraftedBodies() => new()
    {
        // The discriminator's look-alike sits in a trailing line comment; the real body has none.
        { WebhookProvider.Canopy, "{\"data\":{\"account_id\":\"a\"},\"hmac_signature\":\"s\" // ,\"event\":\"account_delinquency\"\n}" },
        // ...or in a block comment before the closing brace.
        { WebhookProvider.Canopy, "{\"data\":{\"account_id\":\"a\"},\"hmac_signature\":\"s\" /* ,\"event\":\"account_delinquency\" */}" },
        // An escaped quote makes a member look like it is inside a string.
        { WebhookProvider.Canopy, "{\"data\":{},\"hmac_signature\":\"s\\\",\\\"event\\\":\\\"account_delinquency\"}" },
        // The same discriminator twice, and two different values: the first one decides.
        { WebhookProvider.Canopy, Delinquency("\"event\":\"account_delinquency\",\"event\":\"account_delinquency\"") },
        { WebhookProvider.Canopy, Delinquency("\"event\":\"some_future_event\",\"event\":\"account_delinquency\"") },
        { WebhookProvider.Canopy, Delinquency("\"\\u0065vent\":\"some_future_event\",\"event\":\"account_delinquency\"") },
        // Escaped name or value of the real discriminator.
        { WebhookProvider.Canopy, Delinquency("\"\\u0065vent\":\"account_delinquency\"") },
        { WebhookProvider.Canopy, Delinquency("\"event\":\"account\\u005fdelinquency\"") },
        // Objects that contain the discriminator's name, at the end of the body.
        { WebhookProvider.Canopy, "{\"data\":{\"event\":\"account_delinquency\"},\"hmac_signature\":\"s\"}" },
        { WebhookProvider.Canopy, Delinquency("\"event\":\"account_delinquency\",\"extra\":{\"event\":\"account_delinquency\"}") },
        // A trailing comma, and comments elsewhere in an otherwise valid body.
        { WebhookProvider.Canopy, Delinquency("\"event\":\"account_delinquency\",") },
        { WebhookProvider.Canopy, "// hello\n" + Delinquency("\"event\":\"account_delinquency\"") },
        // Valid up to the guessed discriminator, then broken.
        { WebhookProvider.Canopy, "{\"data\":{\"account_id\":},\"event\":\"account_delinquency\"}" },
        // The deduplication id twice, in a comment, escaped.
        { WebhookProvider.Spinwheel, "{\"eventType\":\"USER_LIABILITIES_CONNECTED\",\"userId\":\"u\",\"extUserId\":\"e\",\"createdOn\":1,\"webhookId\":\"a\",\"webhookId\":\"b\"}" },
        { WebhookProvider.Spinwheel, "{\"eventType\":\"USER_LIABILITIES_CONNECTED\",\"userId\":\"u\",\"extUserId\":\"e\",\"createdOn\":1,\"webhookId\":\"a\" // ,\"webhookId\":\"b\"\n}" },
        { WebhookProvider.Spinwheel, "{\"eventType\":\"USER_LIABILITIES_CONNECTED\",\"userId\":\"u\",\"extUserId\":\"e\",\"createdOn\":1,\"webhook\\u0049d\":\"a\"}" },
        { WebhookProvider.Spinwheel, "{\"eventType\":\"SOMETHING_NEW\",\"webhookId\":\"a\",\"webhookId\":\"b\"}" },
        // A discriminator first in a comment, then the real one.
        { WebhookProvider.Payitoff, "{ // \"event_type\": \"loan.paid_off\",\n \"event_type\": \"test\", \"data\": {} }" },
        { WebhookProvider.Payitoff, "{\"event_type\":\"test\"} trailing" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.claim.created.v7\"},\"messageId\":\"m\"},\"signature\":\"s\"}" },
        // The deduplication id after values full of brackets, quotes and escapes, nested look-alikes, duplicates, escapes.
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\",\"a\":\"}\\\"{[\",\"b\":[{\"messageId\":\"nested\"},[],\"]\"],\"n\":-1.5e3,\"t\":true},\"messageId\":\"real\"},\"signature\":\"s\"}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\"},\"messageId\":\"first\",\"messageId\":\"second\"}}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\"},\"message\\u0049d\":\"escaped\",\"messageId\":\"plain\"}}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\"},\"messageId\":\"a\\\"b\"}}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\"},\"messageId\":42}}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\"}},\"payload\":{\"messageId\":\"second payload\"}}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.x.v1\"},},\"messageId\":\"outside\",}" },
        { WebhookProvider.Receeve, "{\"payload\":{\"details\":{\"messageType\":\"event.claim.created.v1\"},\"messageId\":\"m\",\"messageId\":\"n\"},\"signature\":\"s\"}" },
    };

    [Theory]
    [MemberData(nameof(CraftedBodies))]
    public void Crafted_bodies_parse_exactly_as_the_reference_route_does(WebhookProvider provider, string body)
    {
        AssertSameOutcome(provider, Encoding.UTF8.GetBytes(body));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Shallow_depth_limits_give_the_reference_errors(int maxDepth)
    {
        var options = new WebhookParserOptions { MaxDepth = maxDepth };
        foreach (var sample in DocumentedSamples.All)
        {
            var (parser, reference) = Parsers(sample.Provider, options);
            Assert.Equal(Describe(reference, sample.Body.ToArray(), null), Describe(parser, sample.Body.ToArray(), null));
        }
    }

    [Fact]
    public void Expected_event_types_give_the_reference_outcomes()
    {
        foreach (var sample in DocumentedSamples.All)
        {
            var (parser, reference) = Parsers(sample.Provider, new WebhookParserOptions());
            foreach (var info in parser.EventTypes)
            {
                byte[] body = sample.Body.ToArray();
                Assert.Equal(Describe(reference, body, info.EventType), Describe(parser, body, info.EventType));
            }
        }
    }

    [Fact]
    public void The_edge_routes_are_taken_for_the_documented_shapes()
    {
        // Without this, the tests above could pass because no fast path ever applies.
        byte[] canopy = DocumentedSamples.Get(WebhookProvider.Canopy, "account_delinquency").Body.ToArray();
        byte[] spinwheel = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED").Body.ToArray();
        byte[] receeve = DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").Body.ToArray();

        Assert.True(JsonMemberGuess.TryFindTrailing(canopy, "event"u8, out var discriminator));
        Assert.Equal("account_delinquency", Encoding.UTF8.GetString(discriminator.Value(canopy)));
        Assert.True(BuiltInWebhookParsers.Default(WebhookProvider.Canopy).Parse(canopy).TryGetTypedIdempotencyKey(out string? canopyKey));
        Assert.Equal("dGIr5vD0KVYPLYcGsmld/wtfKym1+teUVZfVMmS+RQw=", canopyKey);
        Assert.True(BuiltInWebhookParsers.Default(WebhookProvider.Spinwheel).Parse(spinwheel).TryGetTypedIdempotencyKey(out string? typedKey));
        Assert.Equal("1669434136600-0", typedKey);
        Assert.True(BuiltInWebhookParsers.Default(WebhookProvider.Receeve).Parse(receeve).TryGetTypedIdempotencyKey(out typedKey));
        Assert.Equal("09feeb6f-350a-430a-a040-cd1c558cbc91", typedKey);
    }

    private static string Delinquency(string members) =>
        "{\"data\":{\"account_id\":\"a\",\"cure_amount\":\"1\",\"customer_id\":\"c\",\"delinquent_as_of_date\":\"2023-01-30T13:23:00-05:00\"," +
        "\"number_of_days_delinquent\":0,\"time_stamp\":\"2023-01-30T13:23:38-05:00\"},\"hmac_signature\":\"s\"," + members + "}";

    private static void AssertSameOutcome(WebhookProvider provider, byte[] body)
    {
        var pair = PairsByProvider[provider](new WebhookParserOptions());
        string expected = Describe(pair.Reference, body, null);
        string actual = Describe(pair.Parser, body, null);
        Assert.True(expected == actual, $"Body: {Encoding.UTF8.GetString(body)}\nReference: {expected}\nFast path: {actual}");
        if (pair.Parser.TryParse(body, out var webhookEvent, out _))
        {
            Assert.True(pair.ScannedKey(webhookEvent.RawJson) == webhookEvent.IdempotencyKey, $"Body: {Encoding.UTF8.GetString(body)}\nTyped id: {webhookEvent.IdempotencyKey}");
        }
    }

    private static (IWebhookParser Parser, IWebhookParser Reference) Parsers(WebhookProvider provider, WebhookParserOptions options)
    {
        var pair = PairsByProvider[provider](options);
        return (pair.Parser, pair.Reference);
    }

    private static ParserPair Pair<TEvent>(Func<WebhookParserOptions, bool, WebhookParser<TEvent>> create, WebhookParserOptions options)
        where TEvent : WebhookEvent
    {
        var parser = create(options, true);
        return new ParserPair(parser, create(options, false), body => parser.ScanIdempotencyKey(body.Span));
    }

    private sealed record ParserPair(IWebhookParser Parser, IWebhookParser Reference, Func<ReadOnlyMemory<byte>, string?> ScannedKey);

    private static string Describe(IWebhookParser parser, byte[] body, string? expectedEventType)
    {
        if (!parser.TryParse(body, out var webhookEvent, out var failure, expectedEventType))
        {
            return $"{failure.Reason} | {failure.Message} | {failure.EventType} | {failure.JsonPath} | {failure.LineNumber}:{failure.BytePositionInLine}";
        }

        return $"{webhookEvent.EventType} | {webhookEvent.Match} | {webhookEvent.IdempotencyKey} | {Convert.ToHexString(webhookEvent.RawJson.Span)}\n{SnapshotPrinter.Print(webhookEvent)}";
    }
}
