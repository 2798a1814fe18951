using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>
/// The HTTP status each provider gets for each outcome, over real HTTP to Kestrel, through the endpoint and the
/// dispatcher: what the README's delivery table states. The dispatcher's log says which outcome and reason stand
/// behind each status.
/// </summary>
public sealed class ProviderResponseTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static TheoryData<WebhookProvider> Providers() => new(WebhookProvider.BuiltIn);

    public static TheoryData<WebhookProvider> ProvidersWithDeliveryIds() =>
        new(WebhookProvider.BuiltIn.Where(p => ProviderCase.For(p).SendsDeliveryId));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_verified_documented_delivery_is_answered_200_as_accepted_after_its_handler_ran(WebhookProvider provider)
    {
        await using var app = await StartAsync();
        var sample = ProviderCase.For(provider).Sample;

        var result = await app.Simulator().SendAsync(sample);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(sample.EventType, Assert.Single(app.Delivered.All).EventType);
        Assert.Equal(1, app.Log.Single("Accepted")["HandlersRun"]);
    }

    [Theory]
    [MemberData(nameof(ProvidersWithDeliveryIds))]
    public async Task A_redelivery_of_a_processed_delivery_is_answered_200_as_a_duplicate_without_running_the_handler(WebhookProvider provider)
    {
        await using var app = await StartAsync();
        var sample = ProviderCase.For(provider).Sample;

        var first = await app.Simulator().SendAsync(sample);
        var redelivery = await app.Simulator().SendAsync(sample);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Single(app.Delivered.All);
        Assert.Equal(provider, app.Log.Single("Duplicate")["Provider"]);
    }

    [Fact]
    public async Task Payitoff_answers_an_identical_body_200_as_a_duplicate_only_when_deduplicating_identical_bodies_is_switched_on()
    {
        await using var app = await StartAsync(b => b.AddPayitoff(o => o.DeduplicateIdenticalBodies()));
        var sample = ProviderCase.For(WebhookProvider.Payitoff).Sample;

        var first = await app.Simulator().SendAsync(sample);
        var redelivery = await app.Simulator().SendAsync(sample);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Single(app.Delivered.All);
        Assert.Equal(WebhookProvider.Payitoff, app.Log.Single("Duplicate")["Provider"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_redelivery_while_the_first_is_being_processed_is_answered_503_as_in_progress_so_the_provider_retries(WebhookProvider provider)
    {
        // Payitoff sends no delivery id: only with body deduplication is a second identical body "the same delivery".
        await using var app = await StartAsync(b => b.AddPayitoff(o => o.DeduplicateIdenticalBodies()));
        var sample = ProviderCase.For(provider).Sample;
        var simulator = app.Simulator();
        app.Behaviour.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<WebhookSimulation> first = simulator.SendAsync(sample);
        Assert.True(await app.Behaviour.Entered.WaitAsync(Timeout), "the first delivery's handler did not start");
        var whileProcessing = await simulator.SendAsync(sample);
        app.Behaviour.Gate.SetResult();
        var firstResult = await first;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileProcessing.StatusCode);
        var inProgress = app.Log.Single("InProgress");
        Assert.Equal((provider, 503), (inProgress["Provider"], inProgress["StatusCode"]));
        Assert.Equal(HttpStatusCode.OK, firstResult.StatusCode);
        Assert.Single(app.Delivered.All);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_delivery_with_a_wrong_credential_is_answered_503_as_a_verification_failure_so_the_provider_retries(WebhookProvider provider)
    {
        await using var app = await StartAsync();
        using var otherReceeveKey = ReceeveWebhookSigner.CreateEcdsa();
        var forger = new WebhookSimulator(app.Client)
            .UseBasicAuthentication(WebhookProvider.Payitoff, WebhookTestApp.PayitoffUser, "guessed")
            .UseCanopySecret("guessed")
            .UseReceeveSigner(otherReceeveKey)
            .UseHeader(WebhookProvider.Spinwheel, WebhookTestApp.SpinwheelHeader, "guessed")
            .UseForwardedFor(WebhookProvider.Spinwheel, WebhookTestApp.SpinwheelAddress);

        var result = await forger.SendAsync(ProviderCase.For(provider).Sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Empty(result.ResponseText);
        Assert.Empty(app.Delivered.All);
        var failure = app.Log.Single("VerificationFailed");
        Assert.Equal((provider, 503), (failure["Provider"], failure["StatusCode"]));
        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, failure["VerificationFailure"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_delivery_kept_only_in_the_in_memory_quarantine_is_answered_503_so_the_provider_keeps_its_copy(WebhookProvider provider)
    {
        await using var app = await StartAsync();
        var drift = ProviderCase.For(provider);

        var result = await app.Simulator().SendAsync(provider, drift.DriftedBody, drift.Sample.EventType);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.StartsWith("SchemaMismatch: ", result.ResponseText, StringComparison.Ordinal);
        Assert.Empty(app.Delivered.All);
        var kept = Assert.Single(await app.Quarantine.Store.ListAsync());
        Assert.Equal((provider, drift.Sample.EventType, WebhookParseErrorReason.SchemaMismatch), (kept.Provider, kept.EventType, kept.Reason));
        var logged = app.Log.Single("SchemaDrift");
        Assert.Equal((503, true, false, 0), (logged["StatusCode"], logged["Stored"], logged["Durable"], logged["DriftHandlers"]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_drifted_delivery_is_answered_200_once_a_schema_drift_handler_kept_its_exact_bytes_event_type_and_reason(WebhookProvider provider)
    {
        await using var app = await StartAsync(b => b.AddSchemaDriftHandler<RecordingDriftHandler>());
        var drift = ProviderCase.For(provider);
        using var request = app.Simulator().CreateRequest(provider, drift.DriftedBody, drift.Sample.EventType);
        byte[] sent = await request.Content!.ReadAsByteArrayAsync();

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("SchemaMismatch: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Delivered.All);
        var handed = Assert.Single(app.Drifted.All);
        Assert.Equal(sent, handed.Body.ToArray());
        Assert.Equal((provider, drift.Sample.EventType, WebhookParseErrorReason.SchemaMismatch), (handed.Provider, handed.EventType, handed.Reason));
        Assert.Equal(1, app.Log.Single("SchemaDrift")["DriftHandlersRun"]);
    }

    [Fact]
    public async Task A_drifted_delivery_whose_schema_drift_handler_throws_is_answered_503_because_nothing_durable_kept_it()
    {
        await using var app = await StartAsync(b => b.AddSchemaDriftHandler<RecordingDriftHandler>());
        app.Drifted.Fail = true;
        var drift = ProviderCase.For(WebhookProvider.Canopy);

        var result = await app.Simulator().SendAsync(WebhookProvider.Canopy, drift.DriftedBody);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Single(app.Log.Events, e => e.Name == "DriftHandlerFailed");
        Assert.Equal(0, app.Log.Single("SchemaDrift")["DriftHandlersRun"]);
    }

    [Fact]
    public async Task Under_the_Retry_policy_a_drifted_delivery_is_answered_503_even_when_a_schema_drift_handler_kept_it()
    {
        await using var app = await StartAsync(b => b
            .AddCanopy(o => o.SchemaDrift = WebhookSchemaDriftPolicy.Retry)
            .AddSchemaDriftHandler<RecordingDriftHandler>());
        var drift = ProviderCase.For(WebhookProvider.Canopy);

        var result = await app.Simulator().SendAsync(WebhookProvider.Canopy, drift.DriftedBody);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Single(app.Drifted.All);
        Assert.Equal(1L, await app.Quarantine.Store.CountAsync());
    }

    [Fact]
    public async Task Under_the_Reject_policy_a_drifted_delivery_is_answered_400_and_still_quarantined_and_handed_to_the_drift_handler()
    {
        await using var app = await StartAsync(b => b
            .AddSpinwheel(o => o.SchemaDrift = WebhookSchemaDriftPolicy.Reject)
            .AddSchemaDriftHandler<RecordingDriftHandler>());
        var drift = ProviderCase.For(WebhookProvider.Spinwheel);

        var result = await app.Simulator().SendAsync(WebhookProvider.Spinwheel, drift.DriftedBody, drift.Sample.EventType);

        Assert.Equal(HttpStatusCode.BadRequest, result.StatusCode);
        Assert.StartsWith("SchemaMismatch: ", result.ResponseText, StringComparison.Ordinal);
        Assert.Single(app.Drifted.All);
        Assert.Equal(1L, await app.Quarantine.Store.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_body_over_the_providers_limit_is_answered_413_and_reaches_neither_handler_nor_quarantine(WebhookProvider provider)
    {
        await using var app = await StartAsync(b => b.AddSchemaDriftHandler<RecordingDriftHandler>());
        int limit = app.App.Services.GetRequiredService<IWebhookDispatcher>().Providers[provider].MaxBodyBytes;
        var sample = ProviderCase.For(provider).Sample;
        byte[] padded = Encoding.UTF8.GetBytes(sample.BodyText + new string(' ', limit + 1 - sample.Body.Length));

        var result = await app.Simulator().SendAsync(provider, padded, sample.EventType);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.StatusCode);
        Assert.Empty(app.Delivered.All);
        Assert.Empty(app.Drifted.All);
        Assert.Equal(0L, await app.Quarantine.Store.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_handler_that_throws_is_answered_500_so_the_provider_retries(WebhookProvider provider)
    {
        await using var app = await StartAsync();
        app.Behaviour.Fail = true;

        var result = await app.Simulator().SendAsync(ProviderCase.For(provider).Sample);

        Assert.Equal(HttpStatusCode.InternalServerError, result.StatusCode);
        var failure = app.Log.Single("HandlerFailed");
        Assert.Equal((provider, typeof(RecordingHandler).FullName), (failure["Provider"], failure["HandlerType"]));
    }

    [Fact]
    public async Task A_verifier_that_throws_is_answered_503_so_the_provider_retries()
    {
        await using var app = await StartAsync(b => b.AddSpinwheel(o => o.Verifier = new ThrowingVerifier()));

        var result = await app.Simulator().SendAsync(ProviderCase.For(WebhookProvider.Spinwheel).Sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Equal(WebhookProvider.Spinwheel, app.Log.Single("VerifierThrew")["Provider"]);
        Assert.Empty(app.Delivered.All);
    }

    [Fact]
    public async Task An_idempotency_store_that_cannot_claim_is_answered_503_and_runs_no_handler()
    {
        await using var app = await StartAsync(b => b.UseIdempotencyStore<UnreachableIdempotencyStore>());

        var result = await app.Simulator().SendAsync(ProviderCase.For(WebhookProvider.Receeve).Sample);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Equal(WebhookProvider.Receeve, app.Log.Single("ClaimFailed")["Provider"]);
        Assert.Empty(app.Delivered.All);
    }

    [Fact]
    public async Task Canopy_may_be_configured_to_answer_verification_failures_with_401()
    {
        await using var app = await StartAsync(b => b.AddCanopy(o => o.Responses.Unverified = 401));
        var forger = new WebhookSimulator(app.Client).UseCanopySecret("guessed");

        var result = await forger.SendAsync(ProviderCase.For(WebhookProvider.Canopy).Sample);

        Assert.Equal(HttpStatusCode.Unauthorized, result.StatusCode);
        Assert.Equal(401, app.Log.Single("VerificationFailed")["StatusCode"]);
    }

    [Fact]
    public async Task Canopy_does_not_start_when_RetryLater_is_a_status_Canopy_does_not_retry()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(b => b.AddCanopy(o => o.Responses.RetryLater = 409)));

        Assert.Contains("Responses.RetryLater is 409", e.Message, StringComparison.Ordinal);
        Assert.Contains("Canopy", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.ServiceUnavailable)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task In_background_mode_a_drifted_delivery_is_answered_inline_per_the_drift_policy_not_202(bool withDriftHandler, HttpStatusCode expected)
    {
        await using var app = await StartAsync(b =>
        {
            b.ProcessInBackground();
            if (withDriftHandler)
            {
                b.AddSchemaDriftHandler<RecordingDriftHandler>();
            }
        });
        var drift = ProviderCase.For(WebhookProvider.Receeve);

        var result = await app.Simulator().SendAsync(WebhookProvider.Receeve, drift.DriftedBody);

        Assert.Equal(expected, result.StatusCode);
        Assert.Equal(withDriftHandler ? 1 : 0, app.Drifted.All.Count);
        Assert.Equal(1L, await app.Quarantine.Store.CountAsync());
        Assert.Empty(app.Delivered.All);
    }

    private static Task<WebhookTestApp> StartAsync(Action<LoanWebhooksBuilder>? configure = null) =>
        WebhookTestApp.StartAsync(configure, kestrel: true);

    /// <summary>One provider's deliveries: a documented sample, and a verified body that no longer fits its schema.</summary>
    private sealed record ProviderCase(DocumentedSample Sample, bool SendsDeliveryId, byte[] DriftedBody)
    {
        public static ProviderCase For(WebhookProvider provider) => provider.Name switch
        {
            nameof(WebhookProvider.Payitoff) => new(
                DocumentedSamples.Get(provider, "loan.paid_off"),
                SendsDeliveryId: false,
                Encoding.UTF8.GetBytes("""{ "event_type": "loan.paid_off", "data": 42 }""")),
            nameof(WebhookProvider.Canopy) => Drifted(
                DocumentedSamples.Get(provider, "account_update"), "\"changed_at\": \"2023-07-18T21:51:20.511Z\"", "\"changed_at\": 20230718"),
            nameof(WebhookProvider.Spinwheel) => Drifted(
                DocumentedSamples.Get(provider, "USER_LIABILITIES_CONNECTED"), "\"userId\": \"3a35a0ba-9656-4b33-ac4f-2fa6dacae8a6\"", "\"userId\": 42"),
            nameof(WebhookProvider.Receeve) => Drifted(
                DocumentedSamples.Get(provider, "event.note.deleted.v1"), "\"accountReference\": \"ACC456\"", "\"accountReference\": 456"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Add the new provider's sample and drifted body here."),
        };

        /// <summary>The sample with one member's JSON type changed, as a provider changing its payload would.</summary>
        private static ProviderCase Drifted(DocumentedSample sample, string member, string changed)
        {
            Assert.Contains(member, sample.BodyText, StringComparison.Ordinal);
            return new ProviderCase(sample, SendsDeliveryId: true, Encoding.UTF8.GetBytes(sample.BodyText.Replace(member, changed, StringComparison.Ordinal)));
        }
    }

    private sealed class ThrowingVerifier : IWebhookVerifier
    {
        public WebhookVerificationResult Verify(WebhookRequest request) => throw new InvalidOperationException("verifier broke on purpose");
    }

    private sealed class UnreachableIdempotencyStore : IWebhookIdempotencyStore
    {
        public ValueTask<WebhookIdempotencyClaim> ClaimAsync(WebhookIdempotencyKey key, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<WebhookIdempotencyClaim>(new HttpRequestException("store unreachable on purpose"));

        public ValueTask CompleteAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("nothing was claimed");

        public ValueTask ReleaseAsync(WebhookIdempotencyClaim claim, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("nothing was claimed");
    }
}
