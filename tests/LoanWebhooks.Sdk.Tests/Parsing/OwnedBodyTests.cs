using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Tests.Approval;
using LoanWebhooks.Sdk.Tests.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>A body handed over is kept as the event's raw JSON instead of copied; everything else is as for a copied body.</summary>
public sealed class OwnedBodyTests
{
    public static TheoryData<string> Samples() => DocumentedSampleData.Names();

    [Theory]
    [MemberData(nameof(Samples))]
    public void An_owned_body_parses_to_the_same_event_as_a_copied_one(string name)
    {
        var sample = DocumentedSampleData.Sample(name);
        IWebhookParser parser = BuiltInWebhookParsers.Default(sample.Provider);
        string? hint = ProviderTestProfiles.For(sample.Provider).ExpectedEventTypeFor(sample.EventType);
        byte[] owned = sample.Body.ToArray();

        Assert.True(parser.TryParseOwned(owned, out var fromOwned, out _, hint));
        var fromCopy = parser.Parse(sample.Body.Span, hint);

        Assert.Equal(SnapshotPrinter.Print(fromCopy), SnapshotPrinter.Print(fromOwned));
        Assert.Equal(fromCopy.IdempotencyKey, fromOwned.IdempotencyKey);
        Assert.Same(owned, ArrayOf(fromOwned.RawJson));
        Assert.NotSame(owned, ArrayOf(fromCopy.RawJson));
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_inside_the_owned_array()
    {
        byte[] json = DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off").Body.ToArray();
        byte[] owned = [0xEF, 0xBB, 0xBF, .. json];

        var webhookEvent = PayitoffWebhookParser.Default.ParseOwned(owned);

        Assert.True(MemoryMarshal.TryGetArray(webhookEvent.RawJson, out var segment));
        Assert.Same(owned, segment.Array);
        Assert.Equal(3, segment.Offset);
        Assert.Equal(json, webhookEvent.RawJson.ToArray());
    }

    [Fact]
    public void An_owned_body_that_cannot_be_parsed_fails_as_a_copied_one_does()
    {
        byte[] malformed = Encoding.UTF8.GetBytes("""{ "event_type": "loan.paid_off", "data": """);

        Assert.False(PayitoffWebhookParser.Default.TryParseOwned(malformed, out _, out var ownedError));
        Assert.False(PayitoffWebhookParser.Default.TryParse(malformed, out _, out var copiedError));
        Assert.Equal(copiedError.ToString(), ownedError.ToString());
        var thrown = Assert.Throws<WebhookParseException>(() => PayitoffWebhookParser.Default.ParseOwned(malformed));
        Assert.Equal(copiedError.Reason, thrown.Reason);
        Assert.Throws<ArgumentNullException>(() => PayitoffWebhookParser.Default.ParseOwned(null!));
    }

    [Fact]
    public async Task The_dispatcher_keeps_an_owned_delivery_body_and_copies_any_other()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<RawJsonProbeHandler>(), s => s.AddSingleton<RawJsonProbe>());
        var sample = DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off");
        byte[] owned = sample.Body.ToArray();
        byte[] lent = [.. sample.Body.ToArray(), (byte)' '];
        var headers = DispatchTestHost.Delivery(sample).Headers;

        await host.Dispatcher.DispatchAsync(WebhookDelivery.FromOwnedBody(WebhookProvider.Payitoff, owned, headers));
        await host.Dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Payitoff, lent, headers));

        var seen = RawJsonProbe.Of(host);
        Assert.Equal(2, seen.Count);
        Assert.Same(owned, seen[0]);
        Assert.NotSame(lent, seen[1]);
    }

    private static byte[]? ArrayOf(ReadOnlyMemory<byte> memory) => MemoryMarshal.TryGetArray(memory, out var segment) ? segment.Array : null;
}

/// <summary>Records the array behind each handled event's raw JSON.</summary>
public sealed class RawJsonProbe
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]?> _arrays = new();

    public static System.Collections.Generic.IReadOnlyList<byte[]?> Of(DispatchTestHost host) =>
        host.Services.GetRequiredService<RawJsonProbe>()._arrays.ToList();

    public void Add(ReadOnlyMemory<byte> raw) => _arrays.Enqueue(MemoryMarshal.TryGetArray(raw, out var segment) ? segment.Array : null);
}

public sealed class RawJsonProbeHandler(RawJsonProbe probe) : IWebhookHandler<PayitoffLoanPaidOffEvent>
{
    public ValueTask HandleAsync(PayitoffLoanPaidOffEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        probe.Add(webhookEvent.RawJson);
        return ValueTask.CompletedTask;
    }
}
