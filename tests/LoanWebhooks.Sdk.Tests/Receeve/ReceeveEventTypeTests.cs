using System;
using System.Collections.Generic;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Receeve;

/// <summary>Which messageType values name which receeve event: every documented one, the docs' heading names, other versions.</summary>
public sealed class ReceeveEventTypeTests
{
    /// <summary>The docs' 76 headings by family, as the payloads name them (see the schemas for the heading forms).</summary>
    private static readonly Dictionary<Type, string[]> DocumentedByFamily = new()
    {
        [typeof(ReceeveAccountEvent)] =
        [
            "event.accountAmountTotalFees.updated.v1", "event.accountDebtor.updated.v1", "event.accountDebtorUpdate.failed.v1",
            "event.accountInvoiceLedgerEntriesDueDateUpdate.failed.v1", "event.accountLedgerEntries.added.v1",
            "event.accountLedgerEntriesAdding.failed.v1", "event.accountMeta.set.v1", "event.accountMetaSet.failed.v1",
            "webhook.accountMeta.changed.v1",
        ],
        [typeof(ReceeveClaimEvent)] =
        [
            "event.claim.created.v1", "event.claim.resolved.v1", "event.claimDebtPayment.processing.v1", "event.claimDebtPayment.settled.v1",
            "event.multiClaimDebtPayment.settled.v1", "event.multiClaimDebtPayment.processing.v1", "event.multiClaimDebtPayment.canceled.v1",
            "event.multiClaimDebtPayment.declined.v1", "event.multiClaimDebtPayment.disputed.v1", "event.claimMeta.updated.v1",
            "event.customClaimTrigger.executed.v1", "event.partnerClaimExternalStatus.changed.v1", "event.claimTotalAmount.updated.v1",
        ],
        [typeof(ReceeveCommunicationEvent)] =
        [
            "event.debtorCallCommunicationResolution.received.v1", "event.debtorEmail.delivered.v1", "event.debtorEmail.opened.v1",
            "event.debtorEmail.queued.v1", "event.debtorEmailCommunicationResolution.received.v1", "event.debtorEmailDelivery.failed.v1",
            "event.debtorEmailDelivery.interrupted.v1", "event.debtorEmailProcessing.failed.v1", "event.debtorEmailUnsubscribe.requested.v1",
            "event.debtorLetter.generated.v1", "event.debtorLetterProcessing.failed.v1", "event.debtorMessageCommunicationResolution.received.v1",
            "event.debtorSMS.delivered.v1", "event.debtorSMS.queued.v1", "event.debtorSMSCommunicationResolution.received.v1",
            "event.debtorSMSDelivery.failed.v1", "event.debtorSMSDelivery.temporaryFailed.v1", "event.debtorSMSProcessing.failed.v1",
            "event.inboundCall.answered.v1", "event.inboundCall.finished.v1", "event.outboundCall.answered.v1", "event.outboundCall.finished.v1",
        ],
        [typeof(ReceevePromiseToPayEvent)] =
        [
            "event.promiseToPay.created.v1", "event.promiseToPay.expired.v1", "event.promiseToPay.invalidated.v1", "event.promiseToPay.resolved.v1",
        ],
        [typeof(ReceeveInstalmentPlanEvent)] =
        [
            "event.instalmentPlan.created.v2", "event.instalmentPlan.cancelled.v2", "event.instalmentPlan.deleted.v2",
            "event.instalmentPlan.disabled.v2", "event.instalmentPlan.enabled.v2", "event.instalmentPlan.invalidated.v2",
            "event.instalmentPlan.resolved.v2", "event.instalmentPlan.updated.v2",
        ],
        [typeof(ReceeveLandingPageEvent)] =
        [
            "event.landingPageClaimContent.generated.v1", "event.landingPageVerification.failed.v1", "event.landingPageInstalment.confirmed.v1",
            "event.landingPageInstalment.selected.v1", "event.landingPageLanguage.changed.v1", "event.landingPagePayLater.canceled.v1",
            "event.landingPagePayLater.selected.v1", "event.landingPagePayment.failed.v1", "event.landingPagePayment.interrupted.v1",
            "event.landingPagePayment.succeeded.v1", "event.landingPagePaymentInit.failed.v1", "event.landingPagePaymentInit.succeeded.v1",
            "event.landingPageVerification.succeeded.v1",
        ],
        [typeof(ReceeveBackofficeDiaryEvent)] = ["event.note.deleted.v1", "event.note.created.v1"],
        [typeof(ReceeveStrategyEvent)] =
        [
            "event.strategy.assigned.v1", "event.strategy.finished.v1", "event.strategy.paused.v1", "event.strategy.resumed.v1", "event.strategy.stopped.v1",
        ],
    };

    private static IEnumerable<string> Documented => DocumentedByFamily.Values.SelectMany(types => types).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_documented_receeve_event_type_is_typed_and_has_a_sample()
    {
        var known = ReceeveWebhookParser.Default.EventTypes.Select(t => t.EventType).Order(StringComparer.Ordinal);
        var sampled = DocumentedSamples.For(WebhookProvider.Receeve).Select(s => s.EventType).Order(StringComparer.Ordinal);

        Assert.Equal(76, Documented.Count());
        Assert.Equal(Documented, known);
        Assert.Equal(Documented, sampled);
    }

    [Fact]
    public void Every_receeve_event_derives_from_the_family_of_its_docs_section()
    {
        var families = ReceeveWebhookParser.Default.EventTypes.ToDictionary(t => t.EventType, t => t.EventClrType);

        foreach (var (family, eventTypes) in DocumentedByFamily)
        {
            Assert.All(eventTypes, eventType => Assert.True(families[eventType].IsSubclassOf(family), $"{eventType} is not a {family.Name}"));
        }
    }

    [Fact]
    public void Only_instalment_plan_events_without_a_sample_have_fixtures_we_built()
    {
        var prose = DocumentedSamples.For(WebhookProvider.Receeve).Where(s => s.Origin != DocumentedSampleOrigin.Verbatim).Select(s => s.EventType);

        Assert.Equal(DocumentedByFamily[typeof(ReceeveInstalmentPlanEvent)].Where(t => t != "event.instalmentPlan.created.v2").Order(StringComparer.Ordinal), prose);
    }

    [Theory]
    [InlineData("event.landingPageClaimContent.generated.v1", "event.landingPageFullContent.generated.v1", typeof(ReceeveLandingPageClaimContentGeneratedEvent))]
    [InlineData("event.landingPageVerification.failed.v1", "event.landingPageGetVerificationFields.failed.v1", typeof(ReceeveLandingPageVerificationFailedEvent))]
    public void Heading_name_the_docs_use_instead_of_the_message_type_parses_as_an_alias(string messageType, string heading, Type expected)
    {
        string body = DocumentedSamples.Get(WebhookProvider.Receeve, messageType).BodyText.Replace(messageType, heading, StringComparison.Ordinal);

        var webhookEvent = ReceeveWebhookParser.Default.Parse(body);

        Assert.IsType(expected, webhookEvent);
        Assert.Equal(WebhookEventMatch.Alias, webhookEvent.Match);
        Assert.Equal(heading, webhookEvent.EventType);
    }

    [Fact]
    public void Sample_of_an_aliased_event_parses_exactly_under_its_message_type()
    {
        var webhookEvent = DocumentedSampleData.Parse(WebhookProvider.Receeve, "event.landingPageClaimContent.generated.v1");

        var generated = Assert.IsType<ReceeveLandingPageClaimContentGeneratedEvent>(webhookEvent);
        Assert.Equal(WebhookEventMatch.Exact, generated.Match);
        Assert.Equal(["event.landingPageFullContent.generated.v1"], ReceeveWebhookParser.Default.EventTypes.Single(t => t.EventType == generated.EventType).Aliases);
    }

    [Theory]
    [InlineData("event.instalmentPlan.cancelled.v1", typeof(ReceeveInstalmentPlanCancelledEvent))]
    [InlineData("event.instalmentPlan.created.v3", typeof(ReceeveInstalmentPlanCreatedEvent))]
    public void Instalment_plan_event_in_another_version_is_a_flagged_version_fallback(string messageType, Type expected)
    {
        string body = DocumentedSamples.Get(WebhookProvider.Receeve, "event.instalmentPlan.created.v2").BodyText
            .Replace("event.instalmentPlan.created.v2", messageType, StringComparison.Ordinal);

        var webhookEvent = ReceeveWebhookParser.Default.Parse(body);

        Assert.IsType(expected, webhookEvent);
        Assert.Equal(WebhookEventMatch.VersionFallback, webhookEvent.Match);
        Assert.Equal(messageType, webhookEvent.EventType);
    }

    [Fact]
    public void Strategy_event_in_a_newer_version_keeps_its_details_and_reports_the_version()
    {
        string body = DocumentedSamples.Get(WebhookProvider.Receeve, "event.strategy.paused.v1").BodyText
            .Replace("event.strategy.paused.v1", "event.strategy.paused.v4", StringComparison.Ordinal);

        var paused = Assert.IsType<ReceeveStrategyPausedEvent>(ReceeveWebhookParser.Default.Parse(body));

        Assert.Equal(WebhookEventMatch.VersionFallback, paused.Match);
        Assert.Equal(("event.strategy.paused", 4), (paused.EventTypeBaseName, paused.EventTypeVersion));
        Assert.Equal("LARS_ACCOUNT_REFERENCE_006-LARS_INVOICE_LEDGER_ENTRY_REFERENCE_006_1", paused.Payload.Details.ClaimRef);
    }
}
