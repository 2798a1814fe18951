using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Hardening;

/// <summary>
/// Parse errors name paths and JSON types, never values: at the position of every string value of every
/// documented sample (SSNs, emails, account numbers among them), a body that breaks there yields an error whose
/// message and exception text do not contain the value. The event type is the one value errors report on purpose.
/// </summary>
public sealed class ErrorMessageLeakTests
{
    public static TheoryData<string> Samples() => DocumentedSampleData.Names(_ => true);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Errors_caused_at_a_value_never_echo_it(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        var parser = WebhookParsers.Default(sample.Provider);
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
