using System;
using System.Text.Json;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Spinwheel;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>Epoch-millisecond timestamps, decimal amounts and Spinwheel's loosely typed members.</summary>
public sealed class SpinwheelValueTests
{
    [Fact]
    public void Refinance_occurred_on_is_read_as_epoch_milliseconds()
    {
        var refinance = (SpinwheelUserRefinanceStatusEvent)SpinwheelWebhookParser.Default.Parse(
            SpinwheelBodies.Sample("USER_REFINANCE_STATUS"), expectedEventType: "USER_REFINANCE_STATUS");

        Assert.Equal(new DateTimeOffset(2022, 2, 19, 4, 44, 53, 901, TimeSpan.Zero), refinance.OccurredOn);
    }

    [Fact]
    public void Credit_profile_created_on_is_read_as_epoch_milliseconds()
    {
        var failed = (SpinwheelUserCreditProfileTransactionFailedEvent)SpinwheelWebhookParser.Default.Parse(
            SpinwheelBodies.Sample("USER_CREDIT_PROFILE_TRANSACTION_FAILED"), expectedEventType: "USER_CREDIT_PROFILE_TRANSACTION_FAILED");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1708637591000), failed.CreatedOn);
    }

    [Fact]
    public void Nested_refresh_timestamps_are_read_as_epoch_milliseconds()
    {
        var refresh = (SpinwheelRefreshTransactionStatusEvent)SpinwheelBodies.Parse("REFRESH_TRANSACTION_STATUS");

        Assert.Equal(new DateTimeOffset(2020, 8, 18, 12, 25, 17, 524, TimeSpan.Zero), refresh.Data!.BalanceDetails!.UpdatedOn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1643917894780), refresh.Data.StatementSummary!.RefreshedFields!.DueDay!.UpdatedOn);
    }

    [Fact]
    public void Amounts_are_exact_decimals()
    {
        var transition = (SpinwheelUserLiabilityAccountTransitionEvent)SpinwheelBodies.Parse("USER_LIABILITY_ACCOUNT_TRANSITION");
        var refresh = (SpinwheelRefreshTransactionStatusEvent)SpinwheelBodies.Parse("REFRESH_TRANSACTION_STATUS");

        Assert.Equal(53621.71m, transition.LastPaymentAmount);
        Assert.Equal(0m, transition.PreviousOutstandingBalance);
        Assert.Equal(7000m, refresh.Data!.BalanceDetails!.OutstandingBalance);
    }

    [Fact]
    public void Refreshed_field_values_keep_their_own_JSON_type()
    {
        var refresh = (SpinwheelRefreshTransactionStatusEvent)SpinwheelBodies.Parse("REFRESH_TRANSACTION_STATUS");
        var fields = refresh.Data!.StatementSummary!.RefreshedFields!;

        Assert.Equal("2021-08-21", fields.LastPaymentDate!.Value.GetString());
        Assert.Equal("YYYY-MM-DD", fields.LastPaymentDate.Format);
        Assert.Equal(JsonValueKind.String, fields.DueDay!.Value.ValueKind);
        Assert.Equal(400m, fields.LastPaymentAmount!.Value.GetDecimal());
        Assert.Null(fields.LastPaymentAmount.Format);
    }

    [Fact]
    public void Undocumented_refreshed_field_is_kept_as_extension_data()
    {
        string body = SpinwheelBodies.Sample("REFRESH_TRANSACTION_STATUS")
            .Replace("\"dueDay\": {", "\"minimumPaymentDue\": { \"value\": 35, \"updatedOn\": 1643917894780 },\n        \"dueDay\": {", StringComparison.Ordinal);

        var refresh = (SpinwheelRefreshTransactionStatusEvent)SpinwheelWebhookParser.Default.Parse(body);

        var extra = refresh.Data!.StatementSummary!.RefreshedFields!.ExtensionData!;
        Assert.Equal(35, extra["minimumPaymentDue"].GetProperty("value").GetInt32());
    }

    [Fact]
    public void Conditional_payment_members_may_be_null()
    {
        string body = SpinwheelBodies.WithNull("USER_PAYMENT_STATUS", "errorDescription");

        var payment = (SpinwheelUserPaymentStatusEvent)SpinwheelWebhookParser.Default.Parse(body);

        Assert.Null(payment.ErrorDescription);
        Assert.Equal("123456789", payment.PaymentTraceNumber);
    }

    [Fact]
    public void Platform_payment_without_an_employer_payer_parses()
    {
        string body = SpinwheelBodies.With("PLATFORM_PAYMENT_STATUS", "employerPayerId", null);

        var platform = (SpinwheelPlatformPaymentStatusEvent)SpinwheelWebhookParser.Default.Parse(body);

        Assert.Null(platform.EmployerPayerId);
        Assert.Equal("c5377424-8122-4dc7-826c-5092197cb78a", platform.PayerId);
    }

    [Fact]
    public void Timestamp_sent_as_a_string_is_a_schema_mismatch()
    {
        string body = SpinwheelBodies.With("USER_LIABILITIES_CONNECTION_FAILED", "createdOn", "1708637591000");

        bool parsed = SpinwheelWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
    }

    [Fact]
    public void Missing_required_status_is_a_schema_mismatch()
    {
        string body = SpinwheelBodies.With("USER_PAYMENT_STATUS", "status", null);

        bool parsed = SpinwheelWebhookParser.Default.TryParse(body, out _, out var failure);

        Assert.False(parsed);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, failure!.Reason);
    }

    [Fact]
    public void Disconnected_accounts_are_typed()
    {
        var disconnect = (SpinwheelUserAccountDisconnectEvent)SpinwheelBodies.Parse("USER_ACCOUNT_DISCONNECT");

        var account = Assert.Single(disconnect.DisconnectedAccounts);
        Assert.Equal("FedLoan Servicing", account.ServicerName);
        Assert.Equal(SpinwheelLiabilityType.StudentLoan, account.LiabilityType);
    }

    [Fact]
    public void Connection_status_reports_the_samples_contradiction_as_sent()
    {
        var status = (SpinwheelUserConnectionStatusEvent)SpinwheelBodies.Parse("USER_CONNECTION_STATUS");

        Assert.False(status.IsValid);
        Assert.Equal(2000, status.StatusCode);
    }
}
