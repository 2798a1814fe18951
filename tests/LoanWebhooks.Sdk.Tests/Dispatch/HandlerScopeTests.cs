using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// Singleton handlers are resolved without a DI scope; the delivery's scope is created when a scoped handler or
/// <see cref="WebhookHandlerContext.Services"/> first needs it, shared by all handlers, and ended with the delivery.
/// </summary>
public sealed class HandlerScopeTests
{
    private static readonly LoanWebhooks.Sdk.Testing.DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    /// <summary>The same event with a trailing space: a different body, so not a duplicate of the first delivery.</summary>
    private static WebhookDelivery AnotherLoanPaidOff() =>
        DispatchTestHost.Delivery(WebhookProvider.Payitoff, LoanPaidOff.Body.ToArray().Append((byte)' ').ToArray());

    [Fact]
    public async Task A_handler_registered_as_a_singleton_is_one_instance_for_every_delivery()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), s => s.AddSingleton<ScopeReadingHandler>());

        await host.DispatchAsync(LoanPaidOff);
        await host.Dispatcher.DispatchAsync(AnotherLoanPaidOff());

        var seen = host.Services.GetRequiredService<ScopeObservations>().Seen;
        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0].Handler, seen[1].Handler);
    }

    [Fact]
    public async Task A_handler_registered_as_a_singleton_before_AddLoanWebhooks_is_one_instance_for_every_delivery()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), servicesBefore: s => s.AddSingleton<ScopeReadingHandler>());

        await host.DispatchAsync(LoanPaidOff);
        await host.Dispatcher.DispatchAsync(AnotherLoanPaidOff());

        var seen = host.Services.GetRequiredService<ScopeObservations>().Seen;
        Assert.Equal(2, seen.Count);
        Assert.Same(seen[0].Handler, seen[1].Handler);
        Assert.Same(host.Services.GetRequiredService<ScopeReadingHandler>(), seen[0].Handler);
        Assert.NotEqual(seen[0].FirstRead, seen[1].FirstRead);
    }

    [Fact]
    public async Task A_singleton_handler_asking_for_services_gets_one_scope_per_delivery()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), s => s.AddSingleton<ScopeReadingHandler>());

        await host.DispatchAsync(LoanPaidOff);
        await host.Dispatcher.DispatchAsync(AnotherLoanPaidOff());

        var seen = host.Services.GetRequiredService<ScopeObservations>().Seen;
        Assert.All(seen, s => Assert.Equal(s.FirstRead, s.SecondRead));
        Assert.NotEqual(seen[0].FirstRead, seen[1].FirstRead);
    }

    [Fact]
    public async Task Singleton_and_scoped_handlers_of_one_delivery_share_its_scope()
    {
        await using var host = new DispatchTestHost(
            b => b.AddHandler<ScopeReadingHandler>().AddHandler<ScopeProbeHandler>(),
            s => s.AddSingleton<ScopeReadingHandler>());

        await host.DispatchAsync(LoanPaidOff);

        var singleton = Assert.Single(host.Services.GetRequiredService<ScopeObservations>().Seen);
        string probe = Assert.Single(host.Calls.Handlers, h => h.StartsWith(nameof(ScopeProbeHandler), StringComparison.Ordinal));
        Assert.Equal($"{nameof(ScopeProbeHandler)}:{singleton.FirstRead}:True", probe);
    }

    [Fact]
    public async Task The_scope_ends_with_the_delivery_and_the_context_then_refuses_it()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), s => s.AddSingleton<ScopeReadingHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        var seen = Assert.Single(host.Services.GetRequiredService<ScopeObservations>().Seen);
        Assert.True(seen.Disposable.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => seen.Context.Services);
        Assert.Contains("ended when its handlers finished", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_context_kept_from_an_earlier_delivery_cannot_reach_a_later_deliverys_scope()
    {
        // The scope holder is reused by the next delivery; the kept context must still refuse it.
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), s => s.AddSingleton<ScopeReadingHandler>());
        var observations = host.Services.GetRequiredService<ScopeObservations>();
        await host.DispatchAsync(LoanPaidOff);
        WebhookHandlerContext kept = Assert.Single(observations.Seen).Context;
        observations.DuringNextDelivery = () => Assert.Throws<ObjectDisposedException>(() => kept.Services);

        await host.Dispatcher.DispatchAsync(AnotherLoanPaidOff());

        Assert.Equal(2, observations.Seen.Count);
        Assert.IsType<ObjectDisposedException>(observations.DuringNextDeliveryOutcome);
        Assert.NotEqual(observations.Seen[0].FirstRead, observations.Seen[1].FirstRead);
    }

    [Fact]
    public void A_default_context_belongs_to_no_delivery()
    {
        WebhookHandlerContext none = default;

        Assert.Throws<InvalidOperationException>(() => none.Services);
    }

    [Fact]
    public async Task A_scope_whose_disposal_throws_after_a_handler_failure_does_not_hide_the_handler_failure()
    {
        await using var host = new DispatchTestHost(
            b => b.AddHandler<ThrowingDisposalHandler>(),
            s => s.AddScoped<ThrowingDisposable>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal("handler failed", result.Exception!.Message);
        Assert.Equal(typeof(ThrowingDisposalHandler), result.FailedHandlerType);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 16 && e.Exception?.Message == "disposal failed");
    }

    [Fact]
    public async Task A_scope_whose_disposal_throws_after_the_handlers_succeeded_fails_the_delivery()
    {
        await using var host = new DispatchTestHost(
            b => b.AddHandler<ThrowingDisposalHandler>(),
            s => s.AddScoped<ThrowingDisposable>().AddSingleton(new FailureSwitch { Fail = false }));

        var result = await host.DispatchAsync(LoanPaidOff);

        // The claim is released, so a redelivery runs the handlers again rather than losing the failure.
        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal("disposal failed", result.Exception!.Message);
        Assert.Null(result.FailedHandlerType);
        Assert.Equal(1, result.HandlersRun);
    }

    [Fact]
    public async Task ReceivedAt_is_when_the_delivery_arrived_however_late_a_handler_reads_it()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), s => s.AddSingleton<ScopeReadingHandler>());
        DateTimeOffset arrival = host.Time.GetUtcNow();
        host.Services.GetRequiredService<ScopeObservations>().AdvanceBeforeReading = (host.Time, TimeSpan.FromMinutes(3));

        await host.DispatchAsync(LoanPaidOff);

        var seen = Assert.Single(host.Services.GetRequiredService<ScopeObservations>().Seen);
        Assert.Equal(arrival, seen.FirstReceivedAt);
        Assert.Equal(arrival, seen.Context.ReceivedAt);
        Assert.Equal(TimeSpan.Zero, seen.FirstReceivedAt.Offset);
    }

    [Fact]
    public async Task ReceivedAt_of_an_admitted_delivery_is_the_admission_time()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeReadingHandler>(), s => s.AddSingleton<ScopeReadingHandler>());
        var admission = await host.Dispatcher.AdmitAsync(DispatchTestHost.Delivery(LoanPaidOff));
        host.Time.Advance(TimeSpan.FromSeconds(40));

        await host.Dispatcher.ProcessAsync(admission);

        var seen = Assert.Single(host.Services.GetRequiredService<ScopeObservations>().Seen);
        Assert.Equal(admission.ReceivedAt, seen.FirstReceivedAt);
    }
}

/// <summary>What <see cref="ScopeReadingHandler"/> saw in each delivery.</summary>
public sealed class ScopeObservations
{
    private readonly List<Observation> _seen = new();

    public (ManualTimeProvider Time, TimeSpan By)? AdvanceBeforeReading { get; set; }

    /// <summary>Run once, inside the next delivery's handler; what it threw lands in <see cref="DuringNextDeliveryOutcome"/>.</summary>
    public Func<Exception>? DuringNextDelivery { get; set; }

    public Exception? DuringNextDeliveryOutcome { get; set; }

    public IReadOnlyList<Observation> Seen
    {
        get
        {
            lock (_seen)
            {
                return _seen.ToList();
            }
        }
    }

    public void Add(Observation observation)
    {
        lock (_seen)
        {
            _seen.Add(observation);
        }
    }

    public sealed record Observation(object Handler, Guid FirstRead, Guid SecondRead, TrackedDisposable Disposable, WebhookHandlerContext Context, DateTimeOffset FirstReceivedAt);
}

/// <summary>Reads scoped services through the context; meant to be registered as a singleton.</summary>
public sealed class ScopeReadingHandler(ScopeObservations observations) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        if (observations.AdvanceBeforeReading is { } advance)
        {
            advance.Time.Advance(advance.By);
        }

        if (observations.DuringNextDelivery is { } during)
        {
            observations.DuringNextDelivery = null;
            observations.DuringNextDeliveryOutcome = during();
        }

        observations.Add(new ScopeObservations.Observation(
            this,
            context.Services.GetRequiredService<ScopedDependency>().Id,
            context.Services.GetRequiredService<ScopedDependency>().Id,
            context.Services.GetRequiredService<TrackedDisposable>(),
            context,
            context.ReceivedAt));
        return ValueTask.CompletedTask;
    }
}

public sealed class TrackedDisposable : IDisposable
{
    public bool IsDisposed { get; private set; }

    public void Dispose() => IsDisposed = true;
}

public sealed class ThrowingDisposable : IDisposable
{
    public void Dispose() => throw new InvalidOperationException("disposal failed");
}

/// <summary>Takes a dependency whose disposal throws; fails itself while the <see cref="FailureSwitch"/> is on.</summary>
public sealed class ThrowingDisposalHandler(ThrowingDisposable dependency, FailureSwitch failure) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        GC.KeepAlive(dependency);
        return failure.Fail ? throw new InvalidOperationException("handler failed") : ValueTask.CompletedTask;
    }
}
