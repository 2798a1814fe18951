using System;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// A store that fails to record a completion after the handlers ran: the delivery is still accepted (the handlers did
/// run; a failure status would make the provider send it again at once), the claim stays until its lease ends, and a
/// redelivery after that runs the handlers again.
/// </summary>
public sealed class StoreCompletionFailureTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");
    private static readonly TimeSpan OneTick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task A_store_failing_to_complete_gives_Accepted_200_with_the_handlers_run_and_a_warning()
    {
        await using var host = Host(out var store);
        store.CompletionsThatThrow = 1;

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(1, result.HandlersRun);
        Assert.Null(result.Exception);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 12 && e.Level == LogLevel.Warning && e.Exception is TimeoutException);
    }

    [Fact]
    public async Task After_a_failed_completion_a_redelivery_is_in_progress_until_the_5_minute_lease_ends_and_then_runs_the_handlers_again()
    {
        await using var host = Host(out var store);
        store.CompletionsThatThrow = 1;
        await host.DispatchAsync(LoanPaidOff);

        host.Time.Advance(TimeSpan.FromMinutes(5) - OneTick);
        var withinLease = await host.DispatchAsync(LoanPaidOff);
        host.Time.Advance(OneTick);
        var afterLease = await host.DispatchAsync(LoanPaidOff);
        var afterThat = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.InProgress, withinLease.Outcome);
        Assert.Equal(503, withinLease.StatusCode);
        Assert.Equal(WebhookDispatchOutcome.Accepted, afterLease.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, afterThat.Outcome);
        Assert.Equal(2, host.Calls.Count(nameof(LoanPaidOffHandler)));
    }

    private static DispatchTestHost Host(out ScriptedIdempotencyStore store)
    {
        var host = new DispatchTestHost(
            b => b.AddHandler<LoanPaidOffHandler>(),
            s => s.AddSingleton<IWebhookIdempotencyStore>(sp => new ScriptedIdempotencyStore(sp.GetRequiredService<TimeProvider>())));
        store = (ScriptedIdempotencyStore)host.Services.GetRequiredService<IWebhookIdempotencyStore>();
        return host;
    }
}
