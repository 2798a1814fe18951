using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

public sealed class HandlerRoutingTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Fact]
    public async Task Concrete_event_handler_runs_for_its_event_only()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());

        foreach (var sample in DocumentedSamples.All)
        {
            await host.DispatchAsync(sample);
        }

        var call = Assert.Single(host.Calls.All);
        Assert.Equal(nameof(LoanPaidOffHandler), call.Handler);
        Assert.IsType<PayitoffLoanPaidOffEvent>(call.Event);
    }

    [Fact]
    public async Task Provider_base_handler_runs_for_every_event_of_that_provider_and_no_other()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<PayitoffHandler>());

        foreach (var sample in DocumentedSamples.All)
        {
            await host.DispatchAsync(sample);
        }

        Assert.Equal(DocumentedSamples.For(WebhookProvider.Payitoff).Count, host.Calls.Count(nameof(PayitoffHandler)));
        Assert.All(host.Calls.All, c => Assert.Equal(WebhookProvider.Payitoff, c.Event.Provider));
    }

    [Fact]
    public async Task Family_handler_runs_for_the_events_of_its_family_only()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ConnectivityHandler>());

        foreach (var sample in DocumentedSamples.All)
        {
            await host.DispatchAsync(sample);
        }

        var expected = DocumentedSamples.For(WebhookProvider.Payitoff).Where(s => s.EventType.StartsWith("connectivity.", StringComparison.Ordinal)).Select(s => s.EventType).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, host.Calls.All.Select(c => c.Event.EventType).ToList());
        Assert.All(host.Calls.All, c => Assert.IsAssignableFrom<PayitoffConnectivityEvent>(c.Event));
    }

    [Fact]
    public async Task WebhookEvent_handler_runs_for_every_event_of_every_provider()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());

        foreach (var sample in DocumentedSamples.All)
        {
            Assert.Equal(200, (await host.DispatchAsync(sample)).StatusCode);
        }

        Assert.Equal(DocumentedSamples.All.Select(s => s.Name), host.Calls.All.Select(c => c.Event.Provider.ToString().ToLowerInvariant() + "/" + c.Event.EventType));
    }

    [Fact]
    public async Task Unknown_event_is_accepted_and_goes_to_unknown_event_handlers_only()
    {
        await using var host = new DispatchTestHost(b => b
            .AddHandler<UnknownEventHandler>()
            .AddHandler<PayitoffUnknownEventHandler>()
            .AddHandler<LoanPaidOffHandler>());
        byte[] body = Encoding.UTF8.GetBytes("""{ "event_type": "borrower.promoted", "data": { "level": 3 } }""");

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, body));

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.IsType<PayitoffUnknownEvent>(result.Event);
        Assert.Equal(new[] { nameof(UnknownEventHandler), nameof(PayitoffUnknownEventHandler) }, host.Calls.Handlers);
    }

    [Fact]
    public async Task Unknown_event_handlers_do_not_run_for_known_events()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<UnknownEventHandler>().AddHandler<PayitoffUnknownEventHandler>());

        foreach (var sample in DocumentedSamples.All)
        {
            await host.DispatchAsync(sample);
        }

        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task Several_handlers_of_one_event_run_in_registration_order()
    {
        await using var host = new DispatchTestHost(b => b
            .AddHandler<SecondLoanPaidOffHandler>()
            .AddHandler<EveryEventHandler>()
            .AddHandler<LoanPaidOffHandler>()
            .AddHandler<PayitoffHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(4, result.HandlersRun);
        Assert.Equal(
            new[] { nameof(SecondLoanPaidOffHandler), nameof(EveryEventHandler), nameof(LoanPaidOffHandler), nameof(PayitoffHandler) },
            host.Calls.Handlers);
    }

    [Fact]
    public async Task A_class_with_two_applicable_interfaces_gets_both_calls_broadest_first()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<TwoInterfaceHandler>());

        await host.DispatchAsync(LoanPaidOff);
        await host.DispatchAsync(DispatchTestHost.Sample(WebhookProvider.Payitoff, "test"));

        Assert.Equal(
            new[] { "TwoInterfaceHandler.Payitoff", "TwoInterfaceHandler.LoanPaidOff", "TwoInterfaceHandler.Payitoff" },
            host.Calls.Handlers);
    }

    [Fact]
    public async Task Explicit_event_type_registration_routes_like_discovery()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ConnectivityHandler, PayitoffConnectivityEvent>());

        await host.DispatchAsync(DispatchTestHost.Sample(WebhookProvider.Payitoff, "connectivity.online"));
        await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(new[] { nameof(ConnectivityHandler) }, host.Calls.Handlers);
    }

    [Fact]
    public async Task Registering_a_handler_twice_runs_it_once()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>().AddHandler<LoanPaidOffHandler>());

        await host.DispatchAsync(LoanPaidOff);

        Assert.Single(host.Calls.All);
    }

    [Fact]
    public async Task Handlers_of_one_delivery_share_a_scope_and_each_delivery_gets_a_new_one()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<ScopeProbeHandler>());

        await host.DispatchAsync(LoanPaidOff);
        await host.DispatchAsync(DispatchTestHost.Sample(WebhookProvider.Payitoff, "test"));

        var calls = host.Calls.Handlers;
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.EndsWith(":True", c, StringComparison.Ordinal));
        Assert.NotEqual(calls[0], calls[1]);
    }

    [Fact]
    public void A_class_that_implements_no_handler_interface_is_refused_at_registration()
    {
        var e = Assert.Throws<ArgumentException>(() => new DispatchTestHost(b => b.AddHandler<NotAHandler>()));

        Assert.Contains("implements no IWebhookHandler<TEvent>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_handler_of_a_type_no_event_has_is_refused_at_registration()
    {
        var e = Assert.Throws<ArgumentException>(() => new DispatchTestHost(b => b.AddHandler<StringHandler>()));

        Assert.Contains("no webhook event is a String", e.Message, StringComparison.Ordinal);
    }
}
