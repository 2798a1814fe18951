using System;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Tests.Diagnostics;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Claims;

/// <summary>
/// "With singleton handlers and a store that answers synchronously the dispatcher allocates one small object per
/// delivery (the holder of its lazily created DI scope)": a delivery's allocations on its thread, less those of the
/// parse it runs, for each provider that sends an id (Payitoff's body hash adds its key). In the telemetry collection,
/// which runs alone, so that no other test's listener makes the dispatcher record activities meanwhile.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class DispatcherAllocationTests
{
    /// <summary>One small object: the benchmarks measure 72 B on a 64-bit runtime.</summary>
    private const long OneSmallObject = 96;

    private const int Rounds = 2_000;

    public static TheoryData<WebhookProvider, string> SamplesWithIds() => new()
    {
        { WebhookProvider.Canopy, "account_delinquency" },
        { WebhookProvider.Receeve, "event.claim.created.v1" },
        { WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED" },
    };

    [Theory]
    [MemberData(nameof(SamplesWithIds))]
    public async Task With_a_singleton_handler_and_a_synchronous_store_the_dispatcher_allocates_one_small_object_beyond_the_parse(WebhookProvider provider, string eventType)
    {
        byte[] body = DocumentedSamples.Get(provider, eventType).Body.ToArray();
        var delivery = WebhookDelivery.FromOwnedBody(provider, body, WebhookHeaders.Empty, remoteIpAddress: null);
        await using var services = Dispatcher(provider);
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();
        IWebhookParser parser = BuiltInWebhookParsers.Default(provider);

        ValueTask<WebhookDispatchResult> first = dispatcher.DispatchAsync(delivery);
        Assert.True(first.IsCompletedSuccessfully, "The delivery did not complete synchronously.");
        WebhookDispatchResult result = await first;
        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(1, result.HandlersRun);

        long parse = BytesPerCall(() => parser.TryParseOwned(body, out _, out _));
        long dispatch = BytesPerCall(() => _ = dispatcher.DispatchAsync(delivery));

        long dispatcherOwn = dispatch - parse;
        Assert.True(
            dispatcherOwn is > 0 and <= OneSmallObject,
            $"The dispatcher allocated {dispatcherOwn} B per delivery of its own (dispatch {dispatch} B, parse {parse} B); the README says one small object. If it is 0 now, say so in the README's quick start.");
    }

    /// <summary>Bytes allocated on this thread per call, after a warm-up as long as the measurement.</summary>
    private static long BytesPerCall(Action call)
    {
        for (int i = 0; i < Rounds; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds;
    }

    private static ServiceProvider Dispatcher(WebhookProvider provider)
    {
        var services = new ServiceCollection();
        services.AddSingleton<NoOpHandler>();
        services.AddLoanWebhooks(b =>
        {
            ProviderTestProfiles.For(provider).AddProvider(b, o => o.AllowUnverifiedRequestsForDevelopmentOnly());
            b.AddHandler<NoOpHandler, WebhookEvent>();
            b.UseIdempotencyStore<GrantingStore>();
        });
        return services.BuildServiceProvider();
    }

    public sealed class NoOpHandler : IWebhookHandler<WebhookEvent>
    {
        public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => default;
    }

    /// <summary>Grants every claim at once and remembers nothing, so every round runs the handler.</summary>
    public sealed class GrantingStore : IWebhookIdempotencyStore
    {
        public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default) =>
            new(new WebhookIdempotencyClaim(key, WebhookClaimStatus.Claimed, "granted"));

        public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => default;

        public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) => default;
    }
}
