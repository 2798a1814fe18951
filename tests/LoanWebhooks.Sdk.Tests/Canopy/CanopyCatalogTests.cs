using System;
using System.Linq;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Schemas;
using Newtonsoft.Json.Linq;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Canopy;

/// <summary>All eleven event types of Canopy's Event Types page are typed, sampled and in their family.</summary>
public sealed class CanopyCatalogTests
{
    private static readonly string[] Verbatim =
    {
        "account_create", "account_delinquency", "account_update", "line_item_update", "loans_restructure", "payment_reversed",
    };

    private static readonly string[] Prose =
    {
        "account_calculations_change", "line_item_create", "minimum_payment_missed", "payment_due_date", "statement_generation",
    };

    [Fact]
    public void Every_documented_Canopy_event_type_is_typed_and_has_a_sample()
    {
        var documented = Verbatim.Concat(Prose).OrderBy(t => t, StringComparer.Ordinal);

        var known = BuiltInWebhookParsers.Default(WebhookProvider.Canopy).EventTypes.Select(t => t.EventType).OrderBy(t => t, StringComparer.Ordinal);
        var sampled = DocumentedSamples.For(WebhookProvider.Canopy).Select(s => s.EventType).OrderBy(t => t, StringComparer.Ordinal);

        Assert.Equal(documented, known);
        Assert.Equal(documented, sampled);
    }

    [Fact]
    public void Samples_the_docs_show_are_verbatim_and_the_others_are_ours()
    {
        var samples = DocumentedSamples.For(WebhookProvider.Canopy);

        Assert.Equal(Verbatim, samples.Where(s => s.Origin == DocumentedSampleOrigin.Verbatim).Select(s => s.EventType));
        Assert.Equal(Prose, samples.Where(s => s.Origin == DocumentedSampleOrigin.Prose).Select(s => s.EventType));
    }

    [Theory]
    [InlineData("account_create", typeof(CanopyAccountEvent))]
    [InlineData("account_update", typeof(CanopyAccountEvent))]
    [InlineData("account_calculations_change", typeof(CanopyAccountEvent))]
    [InlineData("line_item_create", typeof(CanopyLineItemEvent))]
    [InlineData("line_item_update", typeof(CanopyLineItemEvent))]
    [InlineData("loans_restructure", typeof(CanopyLineItemEvent))]
    [InlineData("payment_reversed", typeof(CanopyPaymentEvent))]
    [InlineData("payment_due_date", typeof(CanopyPaymentEvent))]
    [InlineData("minimum_payment_missed", typeof(CanopyPaymentEvent))]
    [InlineData("account_delinquency", typeof(CanopyPaymentEvent))]
    [InlineData("statement_generation", typeof(CanopyStatementEvent))]
    public void Event_belongs_to_its_family(string eventType, Type family)
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Canopy, eventType);

        Assert.IsAssignableFrom(family, webhookEvent);
    }

    [Theory]
    [InlineData("9999-12-31 11:59:59+00", true)]
    [InlineData("2023-01-30 13:23:00.487411-05:00", true)]
    [InlineData("9999-12-31 11:59:59", false)]
    [InlineData("9999-12-31", false)]
    public void Schema_validation_accepts_the_Postgres_form_only_with_an_offset(string value, bool valid)
    {
        // NJsonSchema checks ISO 8601 itself; this validator only adds Canopy's PostgreSQL text form.
        Assert.Equal(valid, new PostgresDateTimeFormatValidator().IsValid(value, JTokenType.String));
    }
}
