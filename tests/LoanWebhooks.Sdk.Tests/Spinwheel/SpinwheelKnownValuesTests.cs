using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>Documented enum values are typed; a value Spinwheel adds later parses and says it is not known.</summary>
public sealed class SpinwheelKnownValuesTests
{
    [Fact]
    public void Documented_payment_status_is_a_known_value()
    {
        var payment = (SpinwheelUserPaymentStatusEvent)SpinwheelBodies.Parse("USER_PAYMENT_STATUS");

        Assert.True(payment.Status.IsKnown);
        Assert.Equal(SpinwheelPaymentStatus.Scheduled, payment.Status);
        Assert.Equal(SpinwheelLiabilityType.StudentLoan, payment.LiabilityType);
    }

    [Fact]
    public void New_payment_status_parses_and_is_not_known()
    {
        string body = SpinwheelBodies.With("USER_PAYMENT_STATUS", "status", "ON_HOLD");

        var payment = (SpinwheelUserPaymentStatusEvent)SpinwheelWebhookParser.Default.Parse(body);

        Assert.False(payment.Status.IsKnown);
        Assert.Equal("ON_HOLD", payment.Status.Value);
    }

    [Theory]
    [InlineData("RETURNED")] // only in a // comment of the docs' sample
    [InlineData("PROCESSING")] // only in the sandbox steps printed after it
    [InlineData("CANCELLED")] // only on Spinwheel's payment status pages
    public void Status_documented_outside_the_sample_values_is_known(string status)
    {
        string body = SpinwheelBodies.With("USER_PAYMENT_STATUS", "status", status);

        var payment = (SpinwheelUserPaymentStatusEvent)SpinwheelWebhookParser.Default.Parse(body);

        Assert.True(payment.Status.IsKnown);
        Assert.Equal(status, payment.Status.Value);
    }

    [Fact]
    public void Platform_payment_shares_the_payment_status_type()
    {
        var platform = (SpinwheelPlatformPaymentStatusEvent)SpinwheelBodies.Parse("PLATFORM_PAYMENT_STATUS");

        Assert.Equal(SpinwheelPaymentStatus.Scheduled, platform.Status);
    }

    [Fact]
    public void New_liability_type_parses_and_is_not_known()
    {
        string body = SpinwheelBodies.With("USER_LIABILITY_ACCOUNT_TRANSITION", "liabilityType", "AUTO_LOAN");

        var transition = (SpinwheelUserLiabilityAccountTransitionEvent)SpinwheelWebhookParser.Default.Parse(body);

        Assert.False(transition.LiabilityType!.Value.IsKnown);
        Assert.Equal("AUTO_LOAN", transition.LiabilityType.Value.Value);
    }

    [Fact]
    public void Transition_type_of_the_sample_is_paid_off()
    {
        var transition = (SpinwheelUserLiabilityAccountTransitionEvent)SpinwheelBodies.Parse("USER_LIABILITY_ACCOUNT_TRANSITION");

        Assert.Equal(SpinwheelAccountTransitionType.PaidOff, transition.TransitionType);
    }

    [Fact]
    public void Credit_report_type_and_bureau_are_typed()
    {
        var transaction = (SpinwheelUserCreditProfileTransactionEvent)SpinwheelWebhookParser.Default.Parse(
            SpinwheelBodies.Sample("USER_CREDIT_PROFILE_TRANSACTION"), expectedEventType: "USER_CREDIT_PROFILE_TRANSACTION");

        Assert.Equal(SpinwheelCreditReportType.Full, transaction.Metadata!.CreditReportType);
        Assert.Equal(SpinwheelBureau.Equifax, transaction.Bureau);
        Assert.Equal(SpinwheelCreditProfileStatus.Completed, transaction.Status);
    }

    [Fact]
    public void Refresh_transaction_status_of_the_sample_is_completed()
    {
        var refresh = (SpinwheelRefreshTransactionStatusEvent)SpinwheelBodies.Parse("REFRESH_TRANSACTION_STATUS");

        Assert.Equal(SpinwheelRefreshTransactionState.Completed, refresh.RefreshTransactionStatus);
    }
}
