using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Tests.Dispatch;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>
/// "Tags never carry bodies or secrets": the log canary scenarios (every outcome, every provider with its real
/// verifier, canaries planted in bodies, credentials and forged signatures) run again with a listener attached, and
/// no activity tag, event or measurement tag may contain a canary.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryCanaryTests
{
    public static TheoryData<WebhookProvider> Providers() => new(WebhookProvider.BuiltIn);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_tag_carries_a_body_value_or_a_secret_whatever_the_outcome(WebhookProvider provider)
    {
        using var telemetry = new TelemetryCapture();

        await new LogCanaryTests().No_log_carries_a_body_value_or_a_secret_whatever_the_outcome(provider);

        string[] outcomes = telemetry.Deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["webhook.outcome"]!).Distinct().ToArray();
        Assert.Equal(new[] { "accepted", "duplicate", "failed", "in_progress", "quarantined", "rejected" }, outcomes.Order());
        Assert.NotEmpty(telemetry.VerificationFailures.GetMeasurementSnapshot());
        Assert.NotEmpty(telemetry.StoreErrors.GetMeasurementSnapshot());
        string everything = string.Join("\n", telemetry.AllTagText());
        Assert.Contains("webhook.verification.reason=", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("user-CANARY-7f:password-CANARY-2q")), everything, StringComparison.Ordinal);
    }
}
