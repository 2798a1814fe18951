using System;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Hardening;

/// <summary>
/// JSON allows an escaped unpaired surrogate (<c>"\ud800"</c>) that no UTF-8 text can hold. Typed members read it
/// as U+FFFD (the raw JSON keeps the escape), values that must be dates fail as schema mismatches, and TryParse
/// never throws, wherever in the body it sits.
/// </summary>
public sealed class UnpairedSurrogateTests
{
    [Fact]
    public void A_typed_string_member_reads_an_unpaired_surrogate_as_the_replacement_character()
    {
        const string body = """{ "event_type": "connectivity.interrupted", "data": { "borrower_id": "b-\ud800", "servicer_id": "s" } }""";

        var webhookEvent = Assert.IsType<PayitoffConnectivityInterruptedEvent>(PayitoffWebhookParser.Default.Parse(body));

        Assert.Equal("b-\uFFFD", webhookEvent.Data.BorrowerId);
        Assert.Equal(body, webhookEvent.GetRawText());
    }

    [Fact]
    public void An_unknown_member_named_by_an_unpaired_surrogate_is_kept_as_extension_data()
    {
        const string body = """{ "event_type": "connectivity.interrupted", "\ud800": 1, "data": { "borrower_id": "b", "servicer_id": "s" } }""";

        var webhookEvent = Assert.IsType<PayitoffConnectivityInterruptedEvent>(PayitoffWebhookParser.Default.Parse(body));

        Assert.Equal(1, webhookEvent.ExtensionData!["\uFFFD"].GetInt32());
    }

    [Fact]
    public void A_discriminator_with_an_unpaired_surrogate_is_an_unknown_event()
    {
        const string body = """{ "event_type": "loan.paid_off\ud800", "data": null }""";

        var webhookEvent = PayitoffWebhookParser.Default.Parse(body);

        Assert.IsType<PayitoffUnknownEvent>(webhookEvent);
        Assert.Equal("loan.paid_off\uFFFD", webhookEvent.EventType);
    }

    [Fact]
    public void A_date_member_with_an_unpaired_surrogate_is_a_schema_mismatch()
    {
        const string body = """{ "event_type": "refinance.initiated", "data": { "borrower": { "uuid": "u", "created_at": "2024-01-09T15:02:11Z\ud800" } } }""";

        bool parsed = PayitoffWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
        Assert.Equal("$.data.borrower.created_at", failure.JsonPath);
    }

    [Fact]
    public void An_unpaired_surrogate_in_any_string_of_any_documented_sample_never_makes_TryParse_throw()
    {
        int parsed = 0;
        foreach (var sample in DocumentedSamples.All)
        {
            var parser = BuiltInWebhookParsers.Default(sample.Provider);
            string text = sample.BodyText;
            for (int quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"', quote + 1))
            {
                // Before every quote: at the end of each member name and string value (and, harmlessly, elsewhere).
                byte[] body = Encoding.UTF8.GetBytes(text.Insert(quote, "\\udbff"));

                bool ok = parser.TryParse(body, out var webhookEvent, out var failure);

                Assert.True(ok ? webhookEvent is not null : failure is not null && Enum.IsDefined(failure.Reason));
                parsed += ok ? 1 : 0;
            }
        }

        Assert.True(parsed > 0);
    }
}
