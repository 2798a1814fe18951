using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

public sealed class DispatchOutcomeTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Every_documented_sample_is_accepted_with_200_and_its_typed_event(string name)
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var sample = DocumentedSampleData.Sample(name);

        var result = await host.DispatchAsync(sample);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(200, result.StatusCode);
        Assert.True(result.IsSuccess);
        Assert.Equal(1, result.HandlersRun);
        Assert.NotNull(result.Event);
        Assert.IsNotAssignableFrom<IUnknownWebhookEvent>(result.Event);
        Assert.IsType(ExpectedClrType(sample), result.Event);
        Assert.Equal(sample.Provider, result.Event.Provider);
        Assert.NotNull(result.IdempotencyKey);
    }

    public static TheoryData<string> SampleNames() => DocumentedSampleData.Names();

    /// <summary>The record the provider's catalog lists for the sample's event type (read from the catalog, not from a parse).</summary>
    private static Type ExpectedClrType(DocumentedSample sample) =>
        Assert.Single(BuiltInWebhookParsers.Default(sample.Provider).EventTypes, t => t.EventType == sample.EventType).EventClrType;

    [Fact]
    public async Task An_event_without_handlers_is_accepted()
    {
        await using var host = new DispatchTestHost(_ => { });

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(0, result.HandlersRun);
    }

    [Fact]
    public async Task A_redelivery_is_a_duplicate_with_200_and_runs_no_handler()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<LoanPaidOffHandler>());
        await host.DispatchAsync(LoanPaidOff);

        var again = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Duplicate, again.Outcome);
        Assert.Equal(200, again.StatusCode);
        Assert.True(again.IsSuccess);
        Assert.Equal(1, host.Calls.Count(nameof(LoanPaidOffHandler)));
    }

    [Fact]
    public async Task A_redelivery_with_the_same_provider_id_but_another_body_is_a_duplicate()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var sample = DispatchTestHost.Sample(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        byte[] reformatted = Encoding.UTF8.GetBytes(sample.BodyText.Replace("\n", "\r\n", StringComparison.Ordinal));

        await host.DispatchAsync(sample);
        var again = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Spinwheel, reformatted, expectedEventType: sample.EventType));

        Assert.Equal(WebhookDispatchOutcome.Duplicate, again.Outcome);
        Assert.Single(host.Calls.All);
    }

    [Fact]
    public async Task A_redelivery_while_the_first_is_still_running_is_in_progress_with_503_so_the_provider_retries()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<BlockingLoanPaidOffHandler>());
        var gate = host.Services.GetRequiredService<Gate>();
        var first = host.DispatchAsync(LoanPaidOff).AsTask();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var second = await host.DispatchAsync(LoanPaidOff);
        gate.Open.SetResult();

        Assert.Equal(WebhookDispatchOutcome.InProgress, second.Outcome);
        Assert.Equal(503, second.StatusCode);
        Assert.False(second.IsSuccess);
        Assert.Equal(WebhookDispatchOutcome.Accepted, (await first).Outcome);
        Assert.Equal(1, host.Calls.Count(nameof(BlockingLoanPaidOffHandler)));
    }

    [Fact]
    public async Task A_missing_credential_is_rejected_with_503_so_a_genuine_delivery_is_retried_and_runs_no_handler()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: null));

        Assert.Equal(WebhookDispatchOutcome.Rejected, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, result.RejectionReason);
        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, result.VerificationResult!.Reason);
        Assert.Null(result.Event);
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task A_body_that_fails_verification_is_never_quarantined_even_when_it_would_not_parse()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        byte[] drifted = Encoding.UTF8.GetBytes(LoanPaidOff.BodyText.Replace("\"loan\"", "\"loan_\"", StringComparison.Ordinal));

        var unsigned = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, drifted, secret: null));
        var forged = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, drifted, secret: "guessed-secret"));
        var genuine = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, drifted));

        Assert.Equal(WebhookRejectionReason.VerificationFailed, unsigned.RejectionReason);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, forged.RejectionReason);
        Assert.Equal(WebhookDispatchOutcome.Quarantined, genuine.Outcome);
        Assert.Equal(1, await host.Services.GetRequiredService<IWebhookQuarantineStore>().CountAsync());
    }

    [Fact]
    public async Task A_wrong_credential_is_rejected_with_503_and_runs_no_handler()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(LoanPaidOff, secret: "guessed-secret"));

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, result.RejectionReason);
        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.VerificationResult!.Reason);
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task A_source_address_that_is_not_allowed_is_rejected_with_503()
    {
        var allowed = IPAddress.Parse("44.232.30.137");
        await using var host = new DispatchTestHost(b => b.AddPayitoff(o => o.Verifier = new AllowlistVerifier(allowed)).AddHandler<EveryEventHandler>());
        var delivery = DispatchTestHost.Delivery(LoanPaidOff);
        var fromElsewhere = new WebhookDelivery(delivery.Provider, delivery.Body, delivery.Headers, IPAddress.Parse("203.0.113.9"));
        var fromAllowed = new WebhookDelivery(delivery.Provider, delivery.Body, delivery.Headers, allowed);

        var rejected = await host.Dispatcher.DispatchAsync(fromElsewhere);
        var accepted = await host.Dispatcher.DispatchAsync(fromAllowed);

        Assert.Equal(503, rejected.StatusCode);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, rejected.RejectionReason);
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, rejected.VerificationResult!.Reason);
        Assert.Equal(200, accepted.StatusCode);
        Assert.Single(host.Calls.All);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_rejected_with_413_before_it_is_verified()
    {
        var verifier = new CountingVerifier();
        await using var host = new DispatchTestHost(b => b.AddPayitoff(o =>
        {
            o.Verifier = verifier;
            o.Parsing.MaxBodyBytes = 64;
        }));

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Rejected, result.Outcome);
        Assert.Equal(413, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.BodyTooLarge, result.RejectionReason);
        Assert.Equal(0, verifier.Calls);
        Assert.Equal(64, host.Dispatcher.Providers[WebhookProvider.Payitoff].MaxBodyBytes);
    }

    [Theory]
    [InlineData("<html>not json</html>", WebhookParseErrorReason.MalformedJson)]
    [InlineData("""{ "data": null }""", WebhookParseErrorReason.MissingDiscriminator)]
    [InlineData("""{ "event_type": "loan.paid_off", "data": 42 }""", WebhookParseErrorReason.SchemaMismatch)]
    [InlineData("", WebhookParseErrorReason.EmptyBody)]
    public async Task A_verified_body_that_does_not_parse_is_quarantined_and_answered_503_while_only_memory_keeps_it(string body, WebhookParseErrorReason reason)
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(WebhookProvider.Payitoff, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.SchemaDrift, result.RejectionReason);
        Assert.Equal(reason, result.ParseError!.Reason);
        Assert.True(result.QuarantineStored);
        Assert.Equal(Encoding.UTF8.GetBytes(body), result.Quarantined!.Body.ToArray());
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task A_body_naming_another_event_than_the_route_expects_is_quarantined_not_dispatched()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var sample = DispatchTestHost.Sample(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(sample.Provider, sample.Body, expectedEventType: "LOAN_SERVICER_CONNECTED"));

        Assert.Equal(WebhookDispatchOutcome.Quarantined, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(WebhookParseErrorReason.UnexpectedEventType, result.ParseError!.Reason);
        Assert.Equal("LOAN_SERVICER_CONNECTED", result.Quarantined!.ExpectedEventType);
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task A_provider_that_is_not_configured_is_rejected_with_404()
    {
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => b.AddPayitoff(o => o.UseBasicAuthentication("user", "password")));
        await using var provider = services.BuildServiceProvider();
        var dispatcher = provider.GetRequiredService<IWebhookDispatcher>();
        var canopy = DispatchTestHost.Sample(WebhookProvider.Canopy, "account_delinquency");

        var result = await dispatcher.DispatchAsync(DispatchTestHost.Delivery(canopy));

        Assert.Equal(404, result.StatusCode);
        Assert.Equal(WebhookRejectionReason.ProviderNotConfigured, result.RejectionReason);
        Assert.Equal(new[] { WebhookProvider.Payitoff }, dispatcher.Providers.Keys);
    }

    [Fact]
    public async Task A_verifier_that_throws_fails_the_delivery_with_503_instead_of_throwing()
    {
        await using var host = new DispatchTestHost(b => b.AddPayitoff(o => o.Verifier = new ThrowingVerifier()).AddHandler<EveryEventHandler>());

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.StatusCode);
        Assert.IsType<NotSupportedException>(result.Exception);
        Assert.Empty(host.Calls.All);
    }

    [Fact]
    public async Task The_result_and_delivery_print_no_body_and_no_header_value()
    {
        await using var host = new DispatchTestHost(b => b.AddHandler<EveryEventHandler>());
        var delivery = DispatchTestHost.Delivery(LoanPaidOff);

        var result = await host.Dispatcher.DispatchAsync(delivery);

        string printed = result + "\n" + delivery;
        Assert.Contains("Accepted 200 Payitoff loan.paid_off (PayitoffLoanPaidOffEvent)", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", printed, StringComparison.Ordinal);
        Assert.DoesNotContain(DispatchTestHost.Secret, printed, StringComparison.Ordinal);
    }

    private sealed class CountingVerifier : IWebhookVerifier
    {
        private int _calls;

        public int Calls => _calls;

        public WebhookVerificationResult Verify(WebhookRequest request)
        {
            Interlocked.Increment(ref _calls);
            return WebhookVerificationResult.Verified;
        }
    }

    private sealed class ThrowingVerifier : IWebhookVerifier
    {
        public WebhookVerificationResult Verify(WebhookRequest request) => throw new NotSupportedException("broken verifier");
    }

    private sealed class AllowlistVerifier(IPAddress allowed) : IWebhookVerifier
    {
        public WebhookVerificationResult Verify(WebhookRequest request) =>
            allowed.Equals(request.RemoteIpAddress)
                ? WebhookVerificationResult.Verified
                : WebhookVerificationResult.Failed(WebhookVerificationFailureReason.SourceAddressNotAllowed);
    }
}
