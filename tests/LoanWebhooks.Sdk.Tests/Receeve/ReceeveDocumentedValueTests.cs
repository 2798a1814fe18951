using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Receeve;

/// <summary>The receeve samples' values come out with the types the schemas promise; free-form members are kept whole.</summary>
public sealed class ReceeveDocumentedValueTests
{
    private const string InstalmentPlanCreated = "event.instalmentPlan.created.v2";

    public static TheoryData<string> InstalmentPlanFixturesWeBuilt() =>
        DocumentedSampleData.Names(s => s.Provider == WebhookProvider.Receeve && s.Origin == DocumentedSampleOrigin.Prose);

    [Theory]
    [MemberData(nameof(InstalmentPlanFixturesWeBuilt))]
    public void Instalment_plan_fixture_we_built_is_the_created_sample_with_its_own_message_type_and_id(string name)
    {
        string eventType = name.Split('/')[1];
        var created = DocumentedSamples.Get(WebhookProvider.Receeve, InstalmentPlanCreated);
        var fixture = DocumentedSamples.Get(WebhookProvider.Receeve, eventType);
        string fixtureMessageId = JsonDocument.Parse(fixture.Body).RootElement.GetProperty("payload").GetProperty("messageId").GetString()!;

        string expected = created.BodyText
            .Replace(InstalmentPlanCreated, eventType, StringComparison.Ordinal)
            .Replace("c9bfd50c-1279-4e2b-80b0-6c9c4b0bb1be", fixtureMessageId, StringComparison.Ordinal);

        Assert.Equal(expected, fixture.BodyText);
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"), fixtureMessageId);
        Assert.Single(DocumentedSamples.For(WebhookProvider.Receeve), s => s.BodyText.Contains(fixtureMessageId, StringComparison.Ordinal));
    }

    [Fact]
    public void All_eight_instalment_plan_events_share_one_details_type()
    {
        var detailsTypes = ReceeveWebhookParser.Default.EventTypes
            .Where(t => t.EventClrType.IsSubclassOf(typeof(ReceeveInstalmentPlanEvent)))
            .Select(t => t.EventClrType.GetProperty("Payload")!.PropertyType.GetProperty("Details")!.PropertyType)
            .ToList();

        Assert.Equal(8, detailsTypes.Count);
        Assert.All(detailsTypes, type => Assert.Equal(typeof(ReceeveInstalmentPlanDetails), type));
    }

    [Fact]
    public void Instalment_plan_amounts_are_minor_units_and_dates_are_typed()
    {
        var created = (ReceeveInstalmentPlanCreatedEvent)DocumentedSampleData.Parse(WebhookProvider.Receeve, InstalmentPlanCreated);
        var plan = created.Payload.Details.InstalmentPlan;

        Assert.Equal(64000L, plan.TotalAmount);
        Assert.Equal(6400L, plan.Instalments.Single().Amount);
        Assert.Equal(new DateOnly(2025, 9, 1), plan.Instalments.Single().DueDate);
        Assert.Equal(new DateTimeOffset(2025, 8, 11, 18, 26, 26, 414, TimeSpan.Zero), plan.CreatedAt);
        Assert.Equal("If favorite number equals best number (11), then 10 Instalments; otherwise 5 Instalments.", plan.Scope.Definition.Description?.GetStringOrNull("en_US"));
    }

    [Fact]
    public void Partner_status_time_in_epoch_milliseconds_is_typed_and_the_partners_offsetless_time_stays_text()
    {
        var changed = (ReceevePartnerClaimExternalStatusChangedEvent)DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.partnerClaimExternalStatus.changed.v1");

        Assert.Equal(new DateTimeOffset(2022, 2, 2, 0, 0, 0, TimeSpan.Zero), changed.Payload.Details.ExternalStatusChangedAt);
        Assert.Equal("2022-02-02T00:00:00", changed.Payload.Details.OriginalData?.StatusTime);
    }

    [Fact]
    public void Free_form_members_are_kept_whole()
    {
        var changed = (ReceeveAccountMetaChangedEvent)DocumentedSampleData.Parse(WebhookProvider.Receeve, "webhook.accountMeta.changed.v1");
        var trigger = (ReceeveCustomClaimTriggerExecutedEvent)DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.customClaimTrigger.executed.v1");
        var settled = (ReceeveClaimDebtPaymentSettledEvent)DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.claimDebtPayment.settled.v1");

        Assert.Equal(12345L, changed.Payload.Details.Added?.GetInt64OrNull("newField2"));
        Assert.Equal("updatedValue", changed.Payload.Details.Changed?.GetStringOrNull("existingField1"));
        Assert.True(changed.Payload.Details.Deleted?.GetBooleanOrNull("obsoleteField1"));
        Assert.Equal("customTriggerValue1", trigger.Payload.Details.TriggerContext?.GetStringOrNull("customContextVariable"));
        Assert.Equal("payment_completed", settled.Payload.Details.ProviderWebhookPayload?.Body?.GetMemberOrNull("data")?.GetStringOrNull("status"));
    }

    [Fact]
    public void Provider_payload_with_bank_data_is_not_printed()
    {
        var settled = DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.claimDebtPayment.settled.v1");

        Assert.DoesNotContain("ES6199992019141413053804", settled.ToString(), StringComparison.Ordinal);
    }
}
