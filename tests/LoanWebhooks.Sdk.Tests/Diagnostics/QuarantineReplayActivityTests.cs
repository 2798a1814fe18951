using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>A delivery replayed from the quarantine is traced and counted as its own operation, <c>replay</c>.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class QuarantineReplayActivityTests
{
    /// <summary>A nesting limit the documented loan.paid_off body exceeds: the "old" host quarantines it, the fixed one reads it.</summary>
    private const int OldMaxDepth = 2;

    [Fact]
    public async Task A_quarantine_replay_is_one_replay_activity_with_parse_claim_handler_and_complete_children()
    {
        var store = new InMemoryWebhookQuarantineStore();
        await using var old = new DispatchTestHost(b => b.Configure(WebhookProvider.Payitoff, o => o.Parsing.MaxDepth = OldMaxDepth), s => s.AddSingleton<IWebhookQuarantineStore>(store));
        await using var fixedHost = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>(), s => s.AddSingleton<IWebhookQuarantineStore>(store));
        await old.DispatchAsync(DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off"));
        using var telemetry = new TelemetryCapture();

        await fixedHost.Services.GetRequiredService<IWebhookQuarantine>().ReplayAllAsync();

        Activity replay = telemetry.Single("loanwebhooks.replay");
        Assert.Equal("Payitoff", replay.GetTagItem("webhook.provider"));
        Assert.Equal("replay", replay.GetTagItem("webhook.operation"));
        Assert.Equal("loan.paid_off", replay.GetTagItem("webhook.event_type"));
        Assert.Equal("accepted", replay.GetTagItem("webhook.outcome"));
        Assert.Equal(
            new[] { "loanwebhooks.parse", "loanwebhooks.claim", "loanwebhooks.handler", "loanwebhooks.complete" },
            telemetry.Activities.Where(a => a.ParentSpanId == replay.SpanId).OrderBy(a => a.StartTimeUtc).Select(a => a.OperationName));
        Assert.DoesNotContain(telemetry.Activities, a => a.OperationName == "loanwebhooks.dispatch");
        var counted = Assert.Single(telemetry.Deliveries.GetMeasurementSnapshot());
        Assert.Equal("replay", counted.Tags["webhook.operation"]);
        Assert.Equal("accepted", counted.Tags["webhook.outcome"]);
    }
}
