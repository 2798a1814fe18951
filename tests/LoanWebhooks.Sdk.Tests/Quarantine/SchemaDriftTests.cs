using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Quarantine;

/// <summary>
/// A verified body that does not fit its schema (the provider changed something) is kept, handed to the app's
/// schema-drift handlers, answered per the provider's policy, and can be replayed once the SDK understands it.
/// </summary>
public sealed class SchemaDriftTests
{
    /// <summary>The "old" SDK's nesting limit: the documented bodies picked for replay nest deeper, so it cannot read them.</summary>
    private const int OldMaxDepth = 2;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_body_is_quarantined_with_the_path_of_the_member_that_changed_and_runs_no_typed_handler(WebhookProvider provider)
    {
        await using var host = Host();
        var drifted = DriftedBody.For(provider);

        var result = await host.Dispatcher.DispatchAsync(drifted.Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, result.ParseError!.Reason);
        Assert.Equal(drifted.JsonPath, result.ParseError.JsonPath);
        Assert.True(result.QuarantineStored);
        Assert.Null(result.Event);
        Assert.Empty(host.Calls.All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_body_kept_only_in_memory_and_by_no_drift_handler_is_answered_503_so_the_provider_keeps_it(WebhookProvider provider)
    {
        await using var host = Host();

        var result = await host.Dispatcher.DispatchAsync(DriftedBody.For(provider).Delivery());

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(host.Dispatcher.Providers[provider].Responses.RetryLater, result.StatusCode);
        Assert.False(result.IsSuccess);
        Assert.Equal(WebhookRejectionReason.SchemaDrift, result.RejectionReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_quarantine_keeps_the_exact_bytes_and_the_event_type_of_a_drifted_body_with_one_receipt(WebhookProvider provider)
    {
        await using var host = Host();
        var drifted = DriftedBody.For(provider);

        await host.Dispatcher.DispatchAsync(drifted.Delivery());

        var entry = Assert.Single(await Quarantine(host).Store.ListAsync());
        Assert.Equal(drifted.Body, entry.Body.ToArray());
        Assert.Equal(drifted.EventType, entry.EventType);
        Assert.Equal(provider, entry.Provider);
        Assert.Equal(QuarantinedWebhook.IdFor(provider, drifted.Body), entry.Id);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, entry.Reason);
        Assert.Equal(drifted.JsonPath, entry.JsonPath);
        Assert.Equal(1, entry.Receipts);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redelivery_of_a_drifted_body_adds_a_receipt_to_the_same_entry(WebhookProvider provider)
    {
        await using var host = Host();
        var drifted = DriftedBody.For(provider);
        await host.Dispatcher.DispatchAsync(drifted.Delivery());

        await host.Dispatcher.DispatchAsync(drifted.Delivery());

        var entry = Assert.Single(await Quarantine(host).Store.ListAsync());
        Assert.Equal(2, entry.Receipts);
        Assert.Equal(1, await Quarantine(host).Store.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drift_handler_receives_the_verified_bytes_the_event_type_and_the_reason(WebhookProvider provider)
    {
        await using var host = Host(b => b.AddSchemaDriftHandler<RecordingDriftHandler>());
        var drifted = DriftedBody.For(provider);

        await host.Dispatcher.DispatchAsync(drifted.Delivery());

        var call = Assert.Single(DriftCalls(host).All);
        Assert.Equal(drifted.Body, call.Body);
        Assert.Equal(drifted.EventType, call.EventType);
        Assert.Equal(WebhookParseErrorReason.SchemaMismatch, call.Reason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_body_a_drift_handler_kept_is_answered_200_under_the_default_policy(WebhookProvider provider)
    {
        await using var host = Host(b => b.AddSchemaDriftHandler<RecordingDriftHandler>());

        var result = await host.Dispatcher.DispatchAsync(DriftedBody.For(provider).Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(host.Dispatcher.Providers[provider].Responses.Accepted, result.StatusCode);
        Assert.Equal(1, result.SchemaDriftHandlersRun);
        Assert.Equal(WebhookRejectionReason.None, result.RejectionReason);
        Assert.Empty(host.Calls.All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drift_handler_that_throws_makes_the_answer_503_and_its_exception_the_results(WebhookProvider provider)
    {
        await using var host = Host(b => b.AddSchemaDriftHandler<FailingDriftHandler>());

        var result = await host.Dispatcher.DispatchAsync(DriftedBody.For(provider).Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Same(DriftCalls(host).Failure, result.Exception);
        Assert.Equal(typeof(FailingDriftHandler), result.FailedHandlerType);
        Assert.Contains("in FailingDriftHandler", result.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, result.SchemaDriftHandlersRun);
        Assert.True(result.QuarantineStored);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Under_the_retry_policy_a_drifted_body_is_answered_503_even_when_a_drift_handler_kept_it(WebhookProvider provider)
    {
        await using var host = Host(b => b
            .Configure(provider, o => o.SchemaDrift = WebhookSchemaDriftPolicy.Retry)
            .AddSchemaDriftHandler<RecordingDriftHandler>());

        var result = await host.Dispatcher.DispatchAsync(DriftedBody.For(provider).Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(1, result.SchemaDriftHandlersRun);
        Assert.Single(DriftCalls(host).All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Under_the_reject_policy_a_drifted_body_is_answered_400_and_still_quarantined_and_handed_to_the_drift_handler(WebhookProvider provider)
    {
        await using var host = Host(b => b
            .Configure(provider, o => o.SchemaDrift = WebhookSchemaDriftPolicy.Reject)
            .AddSchemaDriftHandler<RecordingDriftHandler>());
        var drifted = DriftedBody.For(provider);

        var result = await host.Dispatcher.DispatchAsync(drifted.Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(host.Dispatcher.Providers[provider].Responses.SchemaDriftRejected, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.SchemaDrift, result.RejectionReason);
        Assert.True(result.QuarantineStored);
        Assert.Equal(drifted.Body, Assert.Single(await Quarantine(host).Store.ListAsync()).Body.ToArray());
        Assert.Equal(drifted.Body, Assert.Single(DriftCalls(host).All).Body);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_body_a_durable_store_kept_is_answered_200_without_a_drift_handler(WebhookProvider provider)
    {
        await using var host = Host(b => b.UseQuarantineStore<DurableQuarantineStore>());
        var drifted = DriftedBody.For(provider);

        var result = await host.Dispatcher.DispatchAsync(drifted.Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.True(result.QuarantineStored);
        Assert.Equal(0, result.SchemaDriftHandlersRun);
        Assert.IsType<DurableQuarantineStore>(Quarantine(host).Store);
        Assert.Equal(drifted.Body, Assert.Single(await Quarantine(host).Store.ListAsync()).Body.ToArray());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_body_a_durable_store_could_not_keep_is_answered_503_and_reported_not_stored(WebhookProvider provider)
    {
        await using var host = Host(b => b.UseQuarantineStore<UnreachableDurableQuarantineStore>());

        var result = await host.Dispatcher.DispatchAsync(DriftedBody.For(provider).Delivery());

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.False(result.QuarantineStored);
        Assert.IsType<TimeoutException>(result.Exception);
        Assert.Empty(host.Calls.All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_old_sdk_that_cannot_read_a_documented_body_quarantines_it_and_runs_no_typed_handler(WebhookProvider provider)
    {
        var store = new InMemoryWebhookQuarantineStore();
        await using var old = OldHost(provider, store);

        var result = await old.DispatchAsync(DeeplyNestedSample(provider));

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(WebhookParseErrorReason.MaxDepthExceeded, result.ParseError!.Reason);
        Assert.Equal(1, await store.CountAsync());
        Assert.Empty(old.Calls.All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Replaying_after_the_fix_runs_the_typed_handler_once_and_removes_the_entry(WebhookProvider provider)
    {
        var store = new InMemoryWebhookQuarantineStore();
        await using var old = OldHost(provider, store);
        await using var fixedHost = Host(services: s => s.AddSingleton<IWebhookQuarantineStore>(store));
        var sample = DeeplyNestedSample(provider);
        await old.DispatchAsync(sample);

        var report = await Quarantine(fixedHost).ReplayAllAsync();

        Assert.Equal(1, report.Processed);
        Assert.Equal(0, report.StillQuarantined);
        Assert.Equal(WebhookDispatchOutcome.Accepted, Assert.Single(report.Results).Outcome);
        Assert.Equal(sample.EventType, report.Results[0].Event!.EventType);
        Assert.Equal(1, fixedHost.Calls.Count(nameof(EveryEventHandler)));
        Assert.Equal(0, await store.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_second_replay_after_the_entry_was_processed_replays_nothing(WebhookProvider provider)
    {
        var store = new InMemoryWebhookQuarantineStore();
        await using var old = OldHost(provider, store);
        await using var fixedHost = Host(services: s => s.AddSingleton<IWebhookQuarantineStore>(store));
        await old.DispatchAsync(DeeplyNestedSample(provider));
        await Quarantine(fixedHost).ReplayAllAsync();

        var second = await Quarantine(fixedHost).ReplayAllAsync();

        Assert.Empty(second.Results);
        Assert.Equal(1, fixedHost.Calls.Count(nameof(EveryEventHandler)));
    }

    [Theory]
    [InlineData(nameof(WebhookProvider.Canopy))]
    [InlineData(nameof(WebhookProvider.Spinwheel))]
    [InlineData(nameof(WebhookProvider.Receeve))]
    public async Task Replaying_an_entry_added_again_after_it_was_processed_is_a_duplicate_for_a_provider_with_an_id(string providerName)
    {
        var provider = new WebhookProvider(providerName);
        var store = new InMemoryWebhookQuarantineStore();
        await using var old = OldHost(provider, store);
        await using var fixedHost = Host(services: s => s.AddSingleton<IWebhookQuarantineStore>(store));
        var quarantined = (await old.DispatchAsync(DeeplyNestedSample(provider))).Quarantined!;
        await Quarantine(fixedHost).ReplayAllAsync();
        await store.AddAsync(quarantined);

        var again = await Quarantine(fixedHost).ReplayAsync(quarantined.Id);

        Assert.Equal(WebhookDispatchOutcome.Duplicate, again!.Value.Outcome);
        Assert.Equal(WebhookIdempotencyKeySource.ProviderId, again.Value.IdempotencyKey!.Value.Source);
        Assert.Equal(1, fixedHost.Calls.Count(nameof(EveryEventHandler)));
        Assert.Equal(0, await store.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Replaying_a_body_that_still_does_not_fit_leaves_it_in_the_quarantine(WebhookProvider provider)
    {
        await using var host = Host();
        var drifted = DriftedBody.For(provider);
        await host.Dispatcher.DispatchAsync(drifted.Delivery());

        var report = await Quarantine(host).ReplayAllAsync();

        Assert.Equal(1, report.StillQuarantined);
        Assert.Equal(0, report.Processed);
        var result = Assert.Single(report.Results);
        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(drifted.JsonPath, result.ParseError!.JsonPath);
        Assert.Equal(1, await Quarantine(host).Store.CountAsync());
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task Replaying_an_id_the_quarantine_does_not_hold_returns_null()
    {
        await using var host = Host();

        var result = await Quarantine(host).ReplayAsync("unknown-id");

        Assert.Null(result);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Admitting_a_drifted_body_for_background_processing_settles_it_as_quarantined(WebhookProvider provider)
    {
        await using var host = Host();
        var drifted = DriftedBody.For(provider);

        var admission = await host.Dispatcher.AdmitAsync(drifted.Delivery());

        Assert.False(admission.IsAdmitted);
        Assert.Equal(WebhookDispatchOutcome.Quarantined, admission.Result.Outcome);
        Assert.Equal(503, admission.Result.StatusCode);
        Assert.Equal(drifted.JsonPath, admission.Result.ParseError!.JsonPath);
        Assert.Equal(1, await Quarantine(host).Store.CountAsync());
        Assert.Empty(host.Calls.All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_log_line_about_a_drifted_delivery_carries_a_payload_value(WebhookProvider provider)
    {
        await using var host = Host(b => b.AddSchemaDriftHandler<FailingDriftHandler>());
        var drifted = DriftedBody.For(provider);
        var result = await host.Dispatcher.DispatchAsync(drifted.Delivery());

        await Quarantine(host).ReplayAllAsync();

        string logged = string.Join("\n---\n", host.Logs.Entries.Select(e => e.AllText));
        Assert.Contains(result.Quarantined!.Id, logged, StringComparison.Ordinal);
        Assert.Contains(drifted.JsonPath, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(DriftedBody.Canary, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(DriftedBody.DriftedNumber, logged, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_quarantined_entry_and_the_result_print_no_payload_value(WebhookProvider provider)
    {
        await using var host = Host();
        var drifted = DriftedBody.For(provider);

        var result = await host.Dispatcher.DispatchAsync(drifted.Delivery());

        string printed = result + "\n" + result.Quarantined + "\n" + result.Quarantined!.ErrorMessage;
        Assert.Contains(result.Quarantined.Id, printed, StringComparison.Ordinal);
        Assert.Contains(drifted.JsonPath, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(DriftedBody.Canary, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(DriftedBody.DriftedNumber, printed, StringComparison.Ordinal);
    }

    public static TheoryData<WebhookProvider> Providers() => ProviderOptionsConfiguration.AllProviders();

    /// <summary>The test host with a typed handler for every event and a recorder for the drift handlers.</summary>
    private static DispatchTestHost Host(Action<LoanWebhooksBuilder>? configure = null, Action<IServiceCollection>? services = null) =>
        new(
            b =>
            {
                b.AddHandler<EveryEventHandler>();
                configure?.Invoke(b);
            },
            s =>
            {
                s.AddSingleton<DriftHandlerCalls>();
                services?.Invoke(s);
            });

    /// <summary>An SDK that does not understand the documented body yet (its nesting limit is too low), quarantining into <paramref name="store"/>.</summary>
    private static DispatchTestHost OldHost(WebhookProvider provider, IWebhookQuarantineStore store) =>
        Host(b => b.Configure(provider, o => o.Parsing.MaxDepth = OldMaxDepth), s => s.AddSingleton(store));

    /// <summary>The provider's first documented sample that nests well beyond <see cref="OldMaxDepth"/>.</summary>
    private static DocumentedSample DeeplyNestedSample(WebhookProvider provider) =>
        DocumentedSamples.For(provider).First(s => Depth(s.Body.Span) > OldMaxDepth + 1);

    private static int Depth(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        int deepest = 0;
        while (reader.Read())
        {
            deepest = Math.Max(deepest, reader.CurrentDepth + 1);
        }

        return deepest;
    }

    private static IWebhookQuarantine Quarantine(DispatchTestHost host) => host.Services.GetRequiredService<IWebhookQuarantine>();

    private static DriftHandlerCalls DriftCalls(DispatchTestHost host) => host.Services.GetRequiredService<DriftHandlerCalls>();
}
