using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Samples.CustomProvider.Harbor;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Samples.CustomProvider.Tests;

/// <summary>
/// "Override <c>CreateDefaultResponses()</c> if the platform documents which statuses it retries": a provider written
/// in a user's project, for a platform that retries only 429, answers with the statuses its override returns — and an
/// app can still change one of them on top.
/// </summary>
public sealed class OwnDefaultResponsesTests
{
    [Fact]
    public async Task A_provider_of_your_own_answers_with_the_statuses_its_CreateDefaultResponses_returns()
    {
        await using var services = Dispatcher(configure: null);
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();

        var unverified = await dispatcher.DispatchAsync(Delivery(HarborDeliveries.LoanFunded("evt_r1", "ln_r1", "100.00"), "not-the-secret"));
        var failed = await dispatcher.DispatchAsync(Delivery(HarborDeliveries.LoanFunded("evt_r2", "ln_r2", "100.00"), HarborDeliveries.Secret));

        Assert.Equal(WebhookRejectionReason.VerificationFailed, unverified.RejectionReason);
        Assert.Equal(429, unverified.StatusCode);
        Assert.Equal(WebhookDispatchOutcome.Failed, failed.Outcome);
        Assert.Equal(429, failed.StatusCode);
        Assert.Equal(429, dispatcher.Providers[HarborWebhooks.Provider].Responses.RetryLater);
    }

    [Fact]
    public async Task An_app_can_still_change_a_status_the_providers_own_defaults_set()
    {
        await using var services = Dispatcher(configure: o => o.Responses.Unverified = 401);

        var unverified = await services.GetRequiredService<IWebhookDispatcher>().DispatchAsync(
            Delivery(HarborDeliveries.LoanFunded("evt_r3", "ln_r3", "100.00"), "not-the-secret"));

        Assert.Equal(401, unverified.StatusCode);
        Assert.Equal(429, services.GetRequiredService<IWebhookDispatcher>().Providers[HarborWebhooks.Provider].Responses.HandlerFailed);
    }

    private static ServiceProvider Dispatcher(Action<RetriesOnly429HarborOptions>? configure)
    {
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => b
            .AddProvider<RetriesOnly429HarborOptions>(o =>
            {
                o.Signature.Secrets.Add(HarborDeliveries.Secret);
                configure?.Invoke(o);
            })
            .AddHandler<ThrowingHandler, HarborLoanFundedEvent>());
        return services.BuildServiceProvider();
    }

    private static WebhookDelivery Delivery(string body, string secret)
    {
        var signed = HarborDeliveries.Signed(body, secret);
        string signature = string.Join(",", signed.Headers.GetValues(HarborWebhookOptions.SignatureHeader));
        return new WebhookDelivery(
            HarborWebhooks.Provider,
            Encoding.UTF8.GetBytes(body),
            new WebhookHeaders(new[] { KeyValuePair.Create(HarborWebhookOptions.SignatureHeader, (string?)signature) }),
            remoteIpAddress: null);
    }

    /// <summary>Harbor as a platform that retries only 429 would be written: every retryable answer is 429.</summary>
    public sealed class RetriesOnly429HarborOptions() : WebhookProviderOptions(HarborWebhooks.Provider)
    {
        public HmacSignatureHeaderOptions Signature { get; } = new()
        {
            HeaderName = HarborWebhookOptions.SignatureHeader,
            Prefix = HarborWebhookOptions.SignaturePrefix,
            Encoding = SignatureEncoding.Hex,
        };

        protected override string VerificationHint => "o.Signature.Secrets.Add(secret)";

        protected override WebhookResponseStatuses CreateDefaultResponses() =>
            new() { RetryLater = 429, Unverified = 429, HandlerFailed = 429 };

        protected override void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
        {
            if (Signature.Secrets.Count > 0)
            {
                verifiers.Add(new HmacSignatureHeaderVerifier(Signature));
            }
        }

        protected override IWebhookParser CreateParser(WebhookParserOptions limits) => new HarborWebhookParser(limits);
    }

    public sealed class ThrowingHandler : IWebhookHandler<HarborLoanFundedEvent>
    {
        public ValueTask HandleAsync(HarborLoanFundedEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler broke");
    }
}
