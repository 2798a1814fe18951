using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Hardening;

/// <summary>
/// Parse errors name paths and JSON types, never values: at the position of every string value of every
/// documented sample (SSNs, emails, account numbers among them), a body that breaks there yields an error whose
/// message and exception text do not contain the value. The event type is the one value errors report on purpose, and
/// only when it is one the SDK knows (or the one the caller expected): an unknown one could be anything.
/// </summary>
public sealed class ErrorMessageLeakTests
{
    public static TheoryData<string> Samples() => DocumentedSampleData.Names(_ => true);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Errors_caused_at_a_value_never_echo_it(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var parser = BuiltInWebhookParsers.Default(sample.Provider);
        byte[] bytes = sample.Body.ToArray();
        var values = StringValues(bytes);
        int checkedValues = 0;
        for (int i = 0; i < values.Count; i++)
        {
            // A marker stands in for the value at this position, so a coincidence with message words cannot pass or fail the test.
            string marker = $"VALUE-{i}-MARKER";
            string before = Encoding.UTF8.GetString(bytes, 0, values[i].Start);
            string after = Encoding.UTF8.GetString(bytes, values[i].Start + values[i].Length, bytes.Length - values[i].Start - values[i].Length);
            string[] broken =
            {
                before + "{\"nested\": \"" + marker + "\"}" + after, // wrong JSON type
                before + "\"" + marker + "\" \"" + marker + "\"" + after, // malformed after it
                before + "\"" + marker,                                   // truncated inside it
                before + "\"" + marker + "\"",                           // truncated after it
                before + "\"" + marker + "\\x\"" + after,                // invalid escape inside it
            };

            foreach (string text in broken)
            {
                if (parser.TryParse(Encoding.UTF8.GetBytes(text), out _, out var failure) || failure!.EventType == marker)
                {
                    continue; // A free-form member accepts any JSON; the event type is reported on purpose.
                }

                Assert.DoesNotContain(marker, failure.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(marker, new WebhookParseException(failure).Message, StringComparison.Ordinal);
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 0 || values.Count < 2, $"{name}: no value was exercised");
    }

    [Theory]
    [MemberData(nameof(HostileInputTests.Envelopes), MemberType = typeof(HostileInputTests))]
    public void An_unexpected_event_type_the_sdk_does_not_know_is_never_echoed(WebhookProvider provider, string envelope)
    {
        const string Named = "888-88-8888 Miriam Trevino";
        var parser = BuiltInWebhookParsers.Default(provider);
        string expected = parser.EventTypes[0].EventType;
        string body = envelope.Replace("{0}", "\"" + Named + "\"", StringComparison.Ordinal);

        bool parsed = parser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var failure, expected);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, failure!.Reason);
        Assert.Null(failure.EventType);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("888-88-8888", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("888-88-8888", new WebhookParseException(failure).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileInputTests.Envelopes), MemberType = typeof(HostileInputTests))]
    public void An_unexpected_event_type_the_sdk_knows_is_named(WebhookProvider provider, string envelope)
    {
        var parser = BuiltInWebhookParsers.Default(provider);
        string expected = parser.EventTypes[0].EventType;
        string sent = parser.EventTypes[^1].EventType;
        string body = envelope.Replace("{0}", "\"" + sent + "\"", StringComparison.Ordinal);

        bool parsed = parser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var failure, expected);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, failure!.Reason);
        Assert.Equal(sent, failure.EventType);
        Assert.Contains(sent, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_fallback_with_an_endless_version_is_not_echoed()
    {
        string version = new('7', 5_000);
        string body = $$"""{ "payload": { "details": { "messageType": "event.strategy.stopped.v{{version}}" }, "messageId": "m" }, "signature": "s" }""";

        bool parsed = BuiltInWebhookParsers.Default(WebhookProvider.Receeve).TryParse(Encoding.UTF8.GetBytes(body), out _, out var failure, "event.strategy.assigned.v1");

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, failure!.Reason);
        Assert.Null(failure.EventType);
        Assert.DoesNotContain(version, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_type_is_not_reported_with_an_error_that_follows_it()
    {
        const string Named = "888-88-8888 Miriam Trevino";
        string body = "{ \"event_type\": \"" + Named + "\", \"data\": null } trailing";

        bool parsed = BuiltInWebhookParsers.Default(WebhookProvider.Payitoff).TryParse(Encoding.UTF8.GetBytes(body), out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.MalformedJson, failure!.Reason);
        Assert.Null(failure.EventType);
        Assert.DoesNotContain("888-88-8888", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Byte offset, length (with quotes) and text of every string value (not member name) in the body.</summary>
    private static List<(int Start, int Length, string Value)> StringValues(byte[] body)
    {
        var found = new List<(int, int, string)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                int start = (int)reader.TokenStartIndex;
                int length = reader.ValueSpan.Length + 2;
                found.Add((start, length, reader.GetString()!));
            }
        }

        return found;
    }
}
