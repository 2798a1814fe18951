using System;
using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>A user's balances and payment amounts are personal financial data: readable, never printed.</summary>
public sealed class SpinwheelRedactionTests
{
    [Fact]
    public void Transition_amounts_are_redacted_but_still_readable()
    {
        var transition = (SpinwheelUserLiabilityAccountTransitionEvent)SpinwheelBodies.Parse("USER_LIABILITY_ACCOUNT_TRANSITION");

        string printed = transition.ToString();

        Assert.Equal(53621.71m, transition.LastPaymentAmount);
        Assert.DoesNotContain("53621", printed, StringComparison.Ordinal);
        Assert.Contains("LastPaymentAmount = ***", printed, StringComparison.Ordinal);
        Assert.Contains("PreviousOutstandingBalance = ***", printed, StringComparison.Ordinal);
        Assert.Contains("270974de-ba17-43c9-993c-66ce525e57c1", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Refreshed_balance_is_redacted()
    {
        var refresh = (SpinwheelRefreshTransactionStatusEvent)SpinwheelBodies.Parse("REFRESH_TRANSACTION_STATUS");

        string printed = refresh.Data!.BalanceDetails!.ToString();

        Assert.DoesNotContain("7000", printed, StringComparison.Ordinal);
        Assert.Contains("OutstandingBalance = ***", printed, StringComparison.Ordinal);
    }
}
