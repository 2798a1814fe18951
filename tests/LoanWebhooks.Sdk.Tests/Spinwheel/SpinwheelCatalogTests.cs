using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>
/// The thirteen webhooks of Spinwheel's webhook docs and the four more its public subscription pages name are
/// typed, sampled and grouped into families.
/// </summary>
public sealed class SpinwheelCatalogTests
{
    // The payloads' eventType values; the docs' table says 'USER_PAYMENT STATUS' and EMPTY_LOAN_ACCOUNT for two of them.
    // NEW_LIABILITIES_REPORTED, STATEMENT_SUMMARY_NOTIFICATION and SUBSCRIPTION_* come from the public subscription pages.
    private static readonly string[] Documented =
    {
        "EMPTY_LOAN_ACCOUNT_WEBHOOK", "NEW_LIABILITIES_REPORTED", "PLATFORM_PAYMENT_STATUS", "REFRESH_TRANSACTION_STATUS",
        "STATEMENT_SUMMARY_NOTIFICATION", "SUBSCRIPTION_ACTIVATED", "SUBSCRIPTION_FAILED", "USER_ACCOUNT_DISCONNECT",
        "USER_CONNECTION_STATUS", "USER_CREDIT_PROFILE_TRANSACTION", "USER_CREDIT_PROFILE_TRANSACTION_FAILED",
        "USER_LIABILITIES_CONNECTED", "USER_LIABILITIES_CONNECTION_FAILED", "USER_LIABILITY_ACCOUNT_REFRESH",
        "USER_LIABILITY_ACCOUNT_TRANSITION", "USER_PAYMENT_STATUS", "USER_REFINANCE_STATUS",
    };

    private static readonly string[] PartialPublicSamples = { "NEW_LIABILITIES_REPORTED", "STATEMENT_SUMMARY_NOTIFICATION" };

    private static readonly string[] BuiltFromNamesOnly = { "SUBSCRIPTION_ACTIVATED", "SUBSCRIPTION_FAILED" };

    [Fact]
    public void Every_documented_Spinwheel_event_type_is_typed_and_has_a_sample()
    {
        var known = SpinwheelWebhookParser.Default.EventTypes.Select(t => t.EventType).OrderBy(t => t, System.StringComparer.Ordinal);
        var sampled = DocumentedSamples.For(WebhookProvider.Spinwheel).Select(s => s.EventType).OrderBy(t => t, System.StringComparer.Ordinal);

        Assert.Equal(Documented, known);
        Assert.Equal(Documented, sampled);
    }

    [Theory]
    [InlineData("USER_LIABILITIES_CONNECTED", typeof(SpinwheelConnectionEvent))]
    [InlineData("USER_LIABILITIES_CONNECTION_FAILED", typeof(SpinwheelConnectionEvent))]
    [InlineData("USER_CONNECTION_STATUS", typeof(SpinwheelConnectionEvent))]
    [InlineData("USER_ACCOUNT_DISCONNECT", typeof(SpinwheelConnectionEvent))]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION", typeof(SpinwheelCreditProfileEvent))]
    [InlineData("USER_CREDIT_PROFILE_TRANSACTION_FAILED", typeof(SpinwheelCreditProfileEvent))]
    [InlineData("USER_PAYMENT_STATUS", typeof(SpinwheelPaymentEvent))]
    [InlineData("PLATFORM_PAYMENT_STATUS", typeof(SpinwheelPaymentEvent))]
    [InlineData("USER_LIABILITY_ACCOUNT_TRANSITION", typeof(SpinwheelLiabilityAccountEvent))]
    [InlineData("USER_LIABILITY_ACCOUNT_REFRESH", typeof(SpinwheelLiabilityAccountEvent))]
    [InlineData("EMPTY_LOAN_ACCOUNT_WEBHOOK", typeof(SpinwheelLiabilityAccountEvent))]
    [InlineData("REFRESH_TRANSACTION_STATUS", typeof(SpinwheelLiabilityAccountEvent))]
    [InlineData("NEW_LIABILITIES_REPORTED", typeof(SpinwheelCreditCardEvent))]
    [InlineData("STATEMENT_SUMMARY_NOTIFICATION", typeof(SpinwheelCreditCardEvent))]
    public void Event_belongs_to_its_family(string eventType, System.Type family)
    {
        var clrType = SpinwheelWebhookParser.Default.EventTypes.Single(t => t.EventType == eventType).EventClrType;

        Assert.True(family.IsAssignableFrom(clrType), $"{clrType.Name} should derive from {family.Name}.");
    }

    [Theory]
    [InlineData(typeof(SpinwheelUserRefinanceStatusEvent))]
    [InlineData(typeof(SpinwheelSubscriptionActivatedEvent))]
    [InlineData(typeof(SpinwheelSubscriptionFailedEvent))]
    public void Event_belongs_to_no_family(System.Type eventType)
    {
        Assert.Equal(typeof(SpinwheelEvent), eventType.BaseType);
    }

    [Fact]
    public void Events_from_the_cut_off_public_samples_are_partial_samples_and_the_subscription_outcomes_are_prose()
    {
        var samples = DocumentedSamples.For(WebhookProvider.Spinwheel);

        Assert.Equal(PartialPublicSamples, samples.Where(s => s.Origin == DocumentedSampleOrigin.Partial).Select(s => s.EventType));
        Assert.Equal(BuiltFromNamesOnly, samples.Where(s => s.Origin == DocumentedSampleOrigin.Prose).Select(s => s.EventType));
    }
}
