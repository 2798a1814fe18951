using System;
using System.Linq;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// The status answered for each outcome: per-provider defaults that make each provider retry what should come again,
/// overridable in the provider's options and validated at start-up against what the provider documents.
/// </summary>
public sealed class ResponseStatusTests
{
    private static readonly DocumentedSample LoanPaidOff = DispatchTestHost.Sample(WebhookProvider.Payitoff, "loan.paid_off");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_provider_answers_with_the_default_statuses(WebhookProvider provider)
    {
        await using var host = new DispatchTestHost(_ => { });

        var responses = host.Dispatcher.Providers[provider].Responses;

        Assert.Equal(200, responses.Accepted);
        Assert.Equal(202, responses.Deferred);
        Assert.Equal(200, responses.Duplicate);
        Assert.Equal(503, responses.RetryLater);
        Assert.Equal(500, responses.HandlerFailed);
        Assert.Equal(503, responses.Unverified);
        Assert.Equal(413, responses.BodyTooLarge);
        Assert.Equal(400, responses.SchemaDriftRejected);
    }

    [Theory]
    [InlineData(nameof(WebhookProvider.Payitoff))]
    [InlineData(nameof(WebhookProvider.Canopy))]
    public async Task An_overridden_unverified_status_is_what_a_wrong_credential_is_answered_with(string providerName)
    {
        var provider = new WebhookProvider(providerName);
        await using var host = new DispatchTestHost(b => b.Configure(provider, o => o.Responses.Unverified = 401));
        var sample = DocumentedSamples.For(provider).First();

        var result = await host.Dispatcher.DispatchAsync(DispatchTestHost.Delivery(sample, secret: "guessed-secret"));

        Assert.Equal(WebhookRejectionReason.VerificationFailed, result.RejectionReason);
        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, result.VerificationResult!.Reason);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task A_Canopy_retry_status_Canopy_does_not_retry_fails_start_up_naming_the_setting_and_what_Canopy_retries()
    {
        await using var host = new DispatchTestHost(b => b.AddCanopy(o => o.Responses.RetryLater = 409));

        var e = Assert.Throws<OptionsValidationException>(() => host.Dispatcher);

        Assert.Contains("Responses.RetryLater", e.Message, StringComparison.Ordinal);
        Assert.Contains("429", e.Message, StringComparison.Ordinal);
        Assert.Contains("409", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Canopy_success_status_other_than_200_or_202_fails_start_up()
    {
        await using var host = new DispatchTestHost(b => b.AddCanopy(o => o.Responses.Accepted = 204));

        var e = Assert.Throws<OptionsValidationException>(() => host.Dispatcher);

        Assert.Contains("Responses.Accepted", e.Message, StringComparison.Ordinal);
        Assert.Contains("204", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Payitoff_success_status_of_204_is_allowed_and_answered()
    {
        await using var host = new DispatchTestHost(b => b.AddPayitoff(o => o.Responses.Accepted = 204));

        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(204, result.StatusCode);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task A_Payitoff_retry_status_that_is_a_redirect_fails_start_up()
    {
        await using var host = new DispatchTestHost(b => b.AddPayitoff(o => o.Responses.RetryLater = 302));

        var e = Assert.Throws<OptionsValidationException>(() => host.Dispatcher);

        Assert.Contains("Responses.RetryLater", e.Message, StringComparison.Ordinal);
        Assert.Contains("302", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statuses_a_dispatcher_uses_are_read_only_and_the_options_they_came_from_stay_changeable()
    {
        var options = new PayitoffWebhookOptions();
        await using var host = new DispatchTestHost(_ => { });
        var reported = host.Dispatcher.Providers[WebhookProvider.Payitoff].Responses;

        var e = Assert.Throws<InvalidOperationException>(() => reported.Accepted = 299);
        options.Responses.Accepted = 299;
        var result = await host.DispatchAsync(LoanPaidOff);

        Assert.True(reported.IsReadOnly);
        Assert.False(options.Responses.IsReadOnly);
        Assert.Equal(299, options.Responses.Accepted);
        Assert.Contains("provider's options", e.Message, StringComparison.Ordinal);
        Assert.Equal(200, result.StatusCode);
        Assert.Same(reported, host.Dispatcher.Providers[WebhookProvider.Payitoff].Responses);
    }

    public static TheoryData<WebhookProvider> Providers() => ProviderOptionsConfiguration.AllProviders();
}
