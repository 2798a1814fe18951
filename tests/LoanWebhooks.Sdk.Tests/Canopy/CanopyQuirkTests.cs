using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Canopy;

/// <summary>The places where Canopy's documented payloads are inconsistent, each read on purpose.</summary>
public sealed class CanopyQuirkTests
{
    [Fact]
    public void Is_active_scra_sent_as_the_string_false_reads_as_false()
    {
        var created = CanopySamples.Parse<CanopyAccountCreateEvent>("account_create");

        Assert.Contains("\"is_active_scra\":\"false\"", CanopySamples.Text("account_create"), StringComparison.Ordinal);
        Assert.False(created.Data.Object.AccountOverview.IsActiveScra);
    }

    [Fact]
    public void Is_active_scra_sent_as_a_boolean_reads_the_same()
    {
        var updated = CanopySamples.Parse<CanopyAccountUpdateEvent>("account_update");

        Assert.Contains("\"is_active_scra\": false", CanopySamples.Text("account_update"), StringComparison.Ordinal);
        Assert.False(updated.Data.Object.AccountOverview.IsActiveScra);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("true")]
    public void Is_active_scra_true_reads_as_true_whether_string_or_boolean(string json)
    {
        string body = CanopySamples.TextWith("account_update", "\"is_active_scra\": false", "\"is_active_scra\": " + json);

        var updated = (CanopyAccountUpdateEvent)CanopyWebhookParser.Default.Parse(body);

        Assert.True(updated.Data.Object.AccountOverview.IsActiveScra);
    }

    [Fact]
    public void Is_active_scra_with_another_string_is_a_schema_mismatch_at_its_path()
    {
        string body = CanopySamples.TextWith("account_update", "\"is_active_scra\": false", "\"is_active_scra\": \"no\"");

        bool parsed = CanopyWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
        Assert.Equal("$.data.object.account_overview.is_active_scra", failure.JsonPath);
    }

    [Fact]
    public void Postgres_text_timestamps_read_as_DateTimeOffset()
    {
        var product = CanopySamples.Parse<CanopyAccountUpdateEvent>("account_update").Data.Object.AccountProduct;

        Assert.Equal(new DateTimeOffset(9999, 12, 31, 11, 59, 59, TimeSpan.Zero), product.PromoOverview!.PromoExclusiveEnd);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 11, 59, 59, TimeSpan.Zero), product.PostPromoOverview!.PostPromoInclusiveStart);
    }

    [Fact]
    public void Iso_timestamps_keep_their_offsets_and_fractions()
    {
        var data = CanopySamples.Parse<CanopyAccountUpdateEvent>("account_update").Data;

        Assert.Equal(new DateTimeOffset(2023, 7, 18, 21, 51, 20, 511, TimeSpan.Zero), data.ChangedAt);
        Assert.Equal(new DateTimeOffset(2023, 6, 27, 14, 2, 48, TimeSpan.FromHours(-7)), data.Object.CreatedAt);
    }

    [Fact]
    public void Timestamp_without_an_offset_is_rejected_at_its_path()
    {
        string body = CanopySamples.TextWith("account_update", "\"promo_exclusive_end\": \"9999-12-31 11:59:59+00\"", "\"promo_exclusive_end\": \"9999-12-31 11:59:59\"");

        bool parsed = CanopyWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
        Assert.Equal("$.data.object.account_product.promo_overview.promo_exclusive_end", failure.JsonPath);
    }

    [Fact]
    public void Event_key_after_a_large_account_body_is_found()
    {
        // account_create sends event after data; grow data to most of the 1 MiB default limit.
        var json = CanopySamples.Json("account_create");
        var customers = json["data"]!["object"]!["customers"]!.AsArray();
        var customer = customers[0]!;
        for (int i = 0; i < 449; i++)
        {
            customers.Add(customer.DeepClone());
        }

        byte[] body = Encoding.UTF8.GetBytes(json.ToJsonString());

        var webhookEvent = CanopyWebhookParser.Default.Parse(body);

        Assert.True(body.Length > 700_000, $"body is {body.Length} bytes");
        Assert.Equal(new[] { "data", "event", "hmac_signature" }, json.Select(member => member.Key));
        var created = Assert.IsType<CanopyAccountCreateEvent>(webhookEvent);
        Assert.Equal(450, created.Data.Object.Customers!.Count);
    }

    [Fact]
    public void Change_values_keep_their_JSON_kind()
    {
        var changes = CanopySamples.Parse<CanopyAccountUpdateEvent>("account_update").Data.Changes;

        var status = changes.Single(c => c.FieldName == "account_overview.account_status");
        var paid = changes.Single(c => c.FieldName == "summary.total_paid_to_date_cents");
        var graced = changes.Single(c => c.FieldName == "min_pay_due_cents.graced_due_date");

        Assert.Equal(("ACTIVE", "SUSPENDED"), (status.PreviousValue.AsString(), status.NewValue.AsString()));
        Assert.Equal((0L, -13000L), (paid.PreviousValue.AsInt64(), paid.NewValue.AsInt64()));
        Assert.Equal(JsonValueKind.Null, graced.PreviousValue.ValueKind);
        Assert.Equal(new DateTimeOffset(2053, 2, 27, 0, 0, 0, TimeSpan.FromHours(-8)), graced.NewValue.AsDateTimeOffset());
    }

    [Fact]
    public void Change_values_may_be_booleans_objects_or_arrays()
    {
        var json = CanopySamples.Json("account_update");
        json["data"]!["changes"] = JsonNode.Parse("""
            [ { "field_name": "account_overview.is_active_scra", "previous_value": "false", "new_value": true },
              { "field_name": "cycle_type", "previous_value": { "late_fee_grace": "00:00:00" }, "new_value": [1, "two"] } ]
            """);

        var changes = ((CanopyAccountUpdateEvent)CanopyWebhookParser.Default.Parse(json.ToJsonString())).Data.Changes;

        Assert.Equal("false", changes[0].PreviousValue.AsString());
        Assert.True(changes[0].NewValue.AsBoolean());
        Assert.Equal("00:00:00", changes[1].PreviousValue.GetStringOrNull("late_fee_grace"));
        Assert.Equal(2, changes[1].NewValue.GetArrayLength());
    }

    [Fact]
    public void Change_entry_without_a_previous_value_is_a_schema_mismatch()
    {
        // Absent and null are different: the docs say every change carries both values.
        var json = CanopySamples.Json("account_update");
        json["data"]!["changes"] = JsonNode.Parse("""[ { "field_name": "summary.principal_cents", "new_value": 1 } ]""");

        bool parsed = CanopyWebhookParser.Default.TryParse(json.ToJsonString(), out _, out var failure);

        Assert.False(parsed);
        Assert.Equal("$.data.changes[0]", failure!.JsonPath);
    }

    [Fact]
    public void Line_item_ids_read_whether_sent_as_numbers_or_strings()
    {
        var documented = CanopySamples.Parse<CanopyLineItemUpdateEvent>("line_item_update").Data.Object.Results[0];
        var ours = CanopySamples.Parse<CanopyLineItemCreateEvent>("line_item_create").Data.Object.Results[0];

        Assert.Equal(("4", "2"), (documented.AccountId, documented.LineItemId));
        Assert.Equal(("can_1024", "can_5531"), (ours.AccountId, ours.LineItemId));
    }

    [Fact]
    public void Card_last_four_sent_as_a_number_keeps_its_raw_digits()
    {
        var lithic = CanopySamples.Parse<CanopyLineItemUpdateEvent>("line_item_update").Data.Object.Results[0].IssuerProcessorDetails!.Lithic!;

        Assert.Equal("3324", lithic.LastFour);
    }

    [Fact]
    public void Payment_due_date_keeps_not_delinquent_as_text()
    {
        var data = CanopySamples.Parse<CanopyPaymentDueDateEvent>("payment_due_date").Data;

        Assert.Equal("Not delinquent", data.DelinquentAsOfDate);
        Assert.Equal(3500, data.MinPayDueCents);
    }

    [Fact]
    public void Stripe_external_fields_is_an_object_while_other_external_fields_are_lists()
    {
        var account = CanopySamples.Parse<CanopyAccountCreateEvent>("account_create").Data.Object;

        Assert.Equal(JsonValueKind.Object, account.PaymentProcessorConfig!.Ach!.StripeConfig!.ExternalFields!.Value.ValueKind);
        Assert.Equal("external_id", Assert.Single(account.ExternalFields!).Key);
    }

    [Fact]
    public void Authorize_net_payment_profile_ids_are_a_list_of_lists()
    {
        var authorizeNet = CanopySamples.Parse<CanopyAccountCreateEvent>("account_create").Data.Object.PaymentProcessorConfig!.DebitCard!.AuthorizeNetConfig!;

        Assert.Equal("86", Assert.Single(Assert.Single(authorizeNet.CustomerPaymentProfileIds!)));
    }

    [Fact]
    public void Cards_sent_as_null_read_as_null()
    {
        Assert.Contains("\"cards\": null", CanopySamples.Text("account_update"), StringComparison.Ordinal);

        Assert.Null(CanopySamples.Parse<CanopyAccountUpdateEvent>("account_update").Data.Object.Cards);
    }
}
