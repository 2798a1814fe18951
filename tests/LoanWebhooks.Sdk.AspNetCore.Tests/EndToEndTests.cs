using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;
using LoanWebhooks.Sdk.Verification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>Every documented sample through HTTP, a real host, the endpoint, the dispatcher and a handler.</summary>
public sealed class EndToEndTests
{
    public static TheoryData<string> SampleNames()
    {
        var names = new TheoryData<string>();
        foreach (var sample in DocumentedSamples.All)
        {
            names.Add(sample.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task A_documented_sample_is_answered_200_and_its_typed_event_is_handled_exactly_once(string name)
    {
        await using var app = await WebhookTestApp.StartAsync();
        var sample = DocumentedSamples.All.Single(s => s.Name == name);

        var result = await app.Simulator().SendAsync(sample);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var handled = Assert.Single(app.Delivered.All);
        Assert.Equal(sample.Provider, handled.Provider);
        Assert.Equal(sample.EventType, handled.EventType);
        Assert.IsNotAssignableFrom<IUnknownWebhookEvent>(handled);
    }

    [Fact]
    public async Task All_documented_samples_in_one_app_each_run_the_handler_once()
    {
        await using var app = await WebhookTestApp.StartAsync();

        var results = await app.Simulator().SendAllAsync(DocumentedSamples.All);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(DocumentedSamples.All.Select(s => (s.Provider, s.EventType)), app.Delivered.All.Select(e => (e.Provider, e.EventType)));
    }

    [Fact]
    public async Task A_reposted_Payitoff_sample_runs_the_handler_again_because_Payitoff_sends_no_delivery_id()
    {
        await using var app = await WebhookTestApp.StartAsync();
        var simulator = app.Simulator();
        var sample = DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off");

        var first = await simulator.SendAsync(sample);
        var second = await simulator.SendAsync(sample);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, app.Delivered.Count(WebhookProvider.Payitoff, "loan.paid_off"));
        Assert.Equal(2, app.Log.Events.Count(e => e.Name == "Accepted"));
        Assert.DoesNotContain(app.Log.Events, e => e.Name == "Duplicate");
    }

    [Theory]
    [InlineData(nameof(WebhookProvider.Spinwheel), "USER_LIABILITIES_CONNECTED")]
    [InlineData(nameof(WebhookProvider.Receeve), "event.claim.created.v1")]
    public async Task A_reposted_sample_with_a_delivery_id_is_answered_200_as_a_duplicate_without_running_the_handler_again(string providerName, string eventType)
    {
        var provider = new WebhookProvider(providerName);
        await using var app = await WebhookTestApp.StartAsync();
        var simulator = app.Simulator();
        var sample = DocumentedSamples.Get(provider, eventType);

        var first = await simulator.SendAsync(sample);
        var second = await simulator.SendAsync(sample);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(app.Delivered.All);
        Assert.Equal(provider, app.Log.Single("Duplicate")["Provider"]);
    }

    [Theory]
    [InlineData(nameof(WebhookProvider.Payitoff))]
    [InlineData(nameof(WebhookProvider.Canopy))]
    [InlineData(nameof(WebhookProvider.Receeve))]
    [InlineData(nameof(WebhookProvider.Spinwheel))]
    public async Task A_request_without_credentials_is_answered_503_so_a_misconfigured_receiver_loses_nothing_and_runs_no_handler(string providerName)
    {
        var provider = new WebhookProvider(providerName);
        await using var app = await WebhookTestApp.StartAsync();

        // As documented: Canopy's samples carry a signature under an unknown secret, receeve's a placeholder and no
        // payloadAsString; Spinwheel's address is checked first.
        var result = await new WebhookSimulator(app.Client).SendAsync(DocumentedSamples.For(provider)[0]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Empty(result.ResponseText);
        Assert.Empty(app.Delivered.All);
        var failure = app.Log.Single("VerificationFailed");
        Assert.Equal(provider, failure["Provider"]);
        Assert.Equal(503, failure["StatusCode"]);
    }

    [Fact]
    public async Task A_request_with_a_wrong_credential_is_answered_503_so_the_provider_retries_and_runs_no_handler()
    {
        await using var app = await WebhookTestApp.StartAsync();
        using var otherReceeveKey = ReceeveWebhookSigner.CreateEcdsa();
        var forger = new WebhookSimulator(app.Client)
            .UseBasicAuthentication(WebhookProvider.Payitoff, WebhookTestApp.PayitoffUser, "guessed")
            .UseCanopySecret("guessed")
            .UseReceeveSigner(otherReceeveKey)
            .UseHeader(WebhookProvider.Spinwheel, WebhookTestApp.SpinwheelHeader, "guessed")
            .UseForwardedFor(WebhookProvider.Spinwheel, WebhookTestApp.SpinwheelAddress);
        var providers = new[] { WebhookProvider.Payitoff, WebhookProvider.Canopy, WebhookProvider.Spinwheel, WebhookProvider.Receeve };

        var results = await forger.SendAllAsync(providers.Select(p => DocumentedSamples.For(p)[0]));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Empty(app.Delivered.All);
        Assert.Equal(providers, app.Log.Events.Where(e => e.Name == "VerificationFailed").Select(e => (WebhookProvider)e["Provider"]!));
        Assert.DoesNotContain(app.Log.Events, e => e.Name is "ParseFailed" or "SchemaDrift" or "Accepted");
    }

    [Fact]
    public async Task A_Spinwheel_request_from_an_address_Spinwheel_does_not_publish_is_answered_503_as_a_verification_failure()
    {
        await using var app = await WebhookTestApp.StartAsync();
        var elsewhere = new WebhookSimulator(app.Client)
            .UseHeader(WebhookProvider.Spinwheel, WebhookTestApp.SpinwheelHeader, WebhookTestApp.SpinwheelSecret)
            .UseForwardedFor(WebhookProvider.Spinwheel, IPAddress.Parse("203.0.113.9"));

        var result = await elsewhere.SendAsync(DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Empty(app.Delivered.All);
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, app.Log.Single("VerificationFailed")["VerificationFailure"]);
    }

    [Fact]
    public async Task A_verified_body_that_does_not_parse_is_quarantined_and_answered_503_with_the_value_free_parse_error()
    {
        await using var app = await WebhookTestApp.StartAsync();

        var result = await app.Simulator().SendAsync(WebhookProvider.Payitoff, Encoding.UTF8.GetBytes("""{ "event_type": "loan.paid_off", "data": 42 }"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.StartsWith("SchemaMismatch: ", result.ResponseText, StringComparison.Ordinal);
        Assert.DoesNotContain("42", result.ResponseText, StringComparison.Ordinal);
        Assert.Empty(app.Delivered.All);
        var kept = Assert.Single(await app.Quarantine.Store.ListAsync());
        Assert.Equal(("loan.paid_off", WebhookParseErrorReason.SchemaMismatch), (kept.EventType, kept.Reason));
    }

    [Fact]
    public async Task An_unknown_event_type_is_accepted_and_handled_as_the_unknown_event()
    {
        await using var app = await WebhookTestApp.StartAsync();

        var result = await app.Simulator().SendAsync(WebhookProvider.Payitoff, Encoding.UTF8.GetBytes("""{ "event_type": "borrower.promoted", "data": {} }"""));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.IsAssignableFrom<IUnknownWebhookEvent>(Assert.Single(app.Delivered.All));
    }

    [Theory]
    [InlineData("/webhooks/paypal")]
    [InlineData("/webhooks/1")]
    [InlineData("/webhooks/")]
    public async Task A_route_that_names_no_provider_is_answered_404(string path)
    {
        await using var app = await WebhookTestApp.StartAsync();

        using var response = await app.Client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Provider_names_in_the_route_ignore_case()
    {
        await using var app = await WebhookTestApp.StartAsync();
        var simulator = app.Simulator().UsePath(WebhookProvider.Payitoff, "/webhooks/PayItOff");

        var result = await simulator.SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task A_provider_that_is_not_configured_is_answered_404()
    {
        await using var app = await WebhookTestApp.StartAsync(providers: b => b.AddPayitoff(o => o.UseBasicAuthentication(WebhookTestApp.PayitoffUser, WebhookTestApp.PayitoffPassword)));

        var result = await app.Simulator().SendAsync(DocumentedSamples.For(WebhookProvider.Canopy)[0]);

        Assert.Equal(HttpStatusCode.NotFound, result.StatusCode);
    }

    [Fact]
    public async Task Spinwheel_posts_to_a_url_per_event_name_and_the_route_supplies_the_missing_event_type()
    {
        await using var app = await WebhookTestApp.StartAsync();
        var withoutEventType = DocumentedSamples.For(WebhookProvider.Spinwheel).First(s => !s.BodyText.Contains("\"eventType\"", StringComparison.Ordinal));

        var result = await app.Simulator().SendAsync(withoutEventType);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal($"/webhooks/spinwheel/{withoutEventType.EventType}", result.Path);
        Assert.Equal(withoutEventType.EventType, Assert.Single(app.Delivered.All).EventType);
    }

    [Fact]
    public async Task A_body_naming_another_event_than_its_url_is_quarantined_as_UnexpectedEventType_and_answered_503()
    {
        await using var app = await WebhookTestApp.StartAsync();
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        var result = await app.Simulator().SendAsync(WebhookProvider.Spinwheel, sample.Body, "USER_PAYMENT_STATUS");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.StartsWith("UnexpectedEventType", result.ResponseText, StringComparison.Ordinal);
        Assert.Empty(app.Delivered.All);
        var kept = Assert.Single(await app.Quarantine.Store.ListAsync());
        Assert.Equal(("USER_PAYMENT_STATUS", WebhookParseErrorReason.UnexpectedEventType), (kept.ExpectedEventType, kept.Reason));
    }

    [Fact]
    public async Task A_fallback_policy_requiring_signed_in_users_does_not_lock_providers_out()
    {
        await using var app = await WebhookTestApp.StartAsync(
            host: builder => builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()),
            map: a =>
            {
                a.UseAuthorization();
                a.MapLoanWebhooks("/webhooks/{provider}");
                a.MapPost("/other", () => "ok");
            });

        var webhook = await app.Simulator().SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));
        using var other = await app.Client.PostAsync("/other", null);

        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_failing_handler_is_answered_500_and_the_redelivery_runs_it_again()
    {
        await using var app = await WebhookTestApp.StartAsync();
        // Spinwheel sends a delivery id, so the redelivery is let through only because the failure released its claim.
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        app.Behaviour.Fail = true;

        var failed = await app.Simulator().SendAsync(sample);
        app.Behaviour.Fail = false;
        var redelivered = await app.Simulator().SendAsync(sample);
        var again = await app.Simulator().SendAsync(sample);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(typeof(RecordingHandler).FullName, app.Log.Single("HandlerFailed")["HandlerType"]);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(app.Delivered.All);
        Assert.Single(app.Log.Events, e => e.Name == "Duplicate");
    }

    [Fact]
    public async Task MapLoanWebhook_maps_one_provider_at_a_route_of_its_own()
    {
        await using var app = await WebhookTestApp.StartAsync(map: a => a.MapLoanWebhook(WebhookProvider.Spinwheel, "/hooks/sw/{eventType}"));
        var simulator = app.Simulator().UsePath(WebhookProvider.Spinwheel, "/hooks/sw/{eventType}");

        var result = await simulator.SendAsync(DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_PAYMENT_STATUS"));
        var elsewhere = await app.Simulator().SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"));

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("USER_PAYMENT_STATUS", Assert.Single(app.Delivered.All).EventType);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task MapLoanWebhook_refuses_a_provider_that_is_not_configured()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestApp.StartAsync(
            providers: b => b.AddPayitoff(o => o.UseBasicAuthentication("u", "p")),
            map: a => a.MapLoanWebhook(WebhookProvider.Receeve, "/hooks/receeve")));

        Assert.Contains("Receeve is not configured", e.Message, StringComparison.Ordinal);
    }
}
