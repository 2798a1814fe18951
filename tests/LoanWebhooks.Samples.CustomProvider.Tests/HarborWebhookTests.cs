using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LoanWebhooks.Samples.CustomProvider.Harbor;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Quarantine;
using LoanWebhooks.Sdk.Testing.Simulation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace LoanWebhooks.Samples.CustomProvider.Tests;

/// <summary>
/// The custom-provider sample's own host, posted its own signed events through MapLoanWebhooks: a provider added
/// from a user's project gets the same verification, typed events, unknown events, idempotency and quarantine.
/// </summary>
public sealed class HarborWebhookTests
{
    [Fact]
    public async Task A_signed_loan_funded_event_runs_its_typed_handler()
    {
        await using var app = Start();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HarborDeliveries.Signed(HarborDeliveries.LoanFunded("evt_1", "ln_1", "12500.50")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("ln_1", 12500.50m), Assert.Single(Book(app).Funded));
    }

    [Fact]
    public async Task The_simulator_with_a_harbor_test_profile_posts_every_harbor_sample_authenticated_as_harbor()
    {
        await using var app = Start();
        var profile = new HarborTestProfile();
        var simulator = new WebhookSimulator(app.CreateClient()).UseProfile(profile);

        var results = await simulator.SendAllAsync(profile.Samples);

        Assert.All(results, result => Assert.Equal(HttpStatusCode.OK, result.StatusCode));
        Assert.Equal(["/webhooks/harbor", "/webhooks/harbor"], results.Select(r => r.Path));
        Assert.Equal(("ln_sim_1", 9100.25m), Assert.Single(Book(app).Funded));
    }

    [Fact]
    public async Task A_harbor_test_profile_with_another_secret_is_refused_by_the_sample_host()
    {
        await using var app = Start();
        var profile = new HarborTestProfile(secret: "not-the-configured-secret");
        var simulator = new WebhookSimulator(app.CreateClient()).UseProfile(profile);

        var results = await simulator.SendAllAsync(profile.Samples);

        Assert.All(results, result => Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode));
        Assert.Empty(Book(app).Funded);
    }

    [Fact]
    public async Task A_harbor_test_profile_registers_harbor_with_its_secret_for_a_dispatcher_without_a_host()
    {
        var profile = new HarborTestProfile();
        var book = new LoanBook();
        await using var services = new ServiceCollection()
            .AddSingleton(book)
            .AddLogging()
            .AddLoanWebhooks(b => profile.AddVerifiedProvider(b).AddHandler<LoanWebhooks.Samples.CustomProvider.Handlers.LoanFunded>())
            .BuildServiceProvider();
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();

        var result = await dispatcher.DispatchAsync(profile.CreateDelivery(profile.Samples[0]));

        Assert.Equal(WebhookDispatchOutcome.Accepted, result.Outcome);
        Assert.Equal(("ln_sim_1", 9100.25m), Assert.Single(book.Funded));
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_is_refused_and_runs_no_handler()
    {
        await using var app = Start();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HarborDeliveries.Signed(HarborDeliveries.LoanFunded("evt_2", "ln_2", "10"), secret: "guessed-secret"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(Book(app).Funded);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        await using var app = Start();
        using var client = app.CreateClient();
        using var signed = HarborDeliveries.Signed(HarborDeliveries.LoanFunded("evt_3", "ln_3", "10"));
        string header = string.Join(",", signed.Headers.GetValues(HarborWebhookOptions.SignatureHeader));
        using var tampered = HarborDeliveries.Signed(HarborDeliveries.LoanFunded("evt_3", "ln_3", "10000"));
        tampered.Headers.Remove(HarborWebhookOptions.SignatureHeader);
        tampered.Headers.Add(HarborWebhookOptions.SignatureHeader, header);

        using var response = await client.SendAsync(tampered);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(Book(app).Funded);
    }

    [Fact]
    public async Task An_event_type_the_schemas_do_not_know_reaches_the_unknown_event_handler()
    {
        await using var app = Start();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HarborDeliveries.Signed(HarborDeliveries.Event("evt_4", "loan.charged_off")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("loan.charged_off", Assert.Single(Book(app).UnknownEventTypes));
    }

    [Fact]
    public async Task A_redelivery_is_answered_as_a_duplicate_and_does_not_run_the_handler_again()
    {
        await using var app = Start();
        using var client = app.CreateClient();
        string body = HarborDeliveries.LoanFunded("evt_5", "ln_5", "300");

        using var first = await client.SendAsync(HarborDeliveries.Signed(body));
        using var second = await client.SendAsync(HarborDeliveries.Signed(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.AlreadyReported, second.StatusCode);
        Assert.Single(Book(app).Funded);
    }

    [Fact]
    public async Task A_signed_body_that_drifted_from_its_schema_is_quarantined_and_runs_no_handler()
    {
        await using var app = Start();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(HarborDeliveries.Signed(HarborDeliveries.LoanFunded("evt_6", "ln_6", "\"a lot\"")));

        var quarantined = await app.Services.GetRequiredService<IWebhookQuarantineStore>().ListAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Harbor", Assert.Single(quarantined).Provider.Name);
        Assert.Empty(Book(app).Funded);
    }

    [Fact]
    public async Task An_empty_signing_secret_stops_the_app_at_start_up()
    {
        await using var app = Start(secret: "");

        var e = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("the Harbor verification settings are invalid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Harbor_without_any_verification_fails_start_up_saying_what_to_configure()
    {
        using var services = new ServiceCollection().AddLoanWebhooks(b => b.AddHarbor(_ => { })).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("b.AddProvider<HarborWebhookOptions>(o => …)", e.Message, StringComparison.Ordinal);
        Assert.Contains("o.UseSigningSecret(secret)", e.Message, StringComparison.Ordinal);
    }

    /// <summary>The sample's host with the test secret; redeliveries answered 208 so a test can tell a duplicate from a first delivery.</summary>
    private static WebApplicationFactory<Program> Start(string secret = HarborDeliveries.Secret) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Harbor:SigningSecret", secret);
            host.ConfigureServices(services => services.PostConfigure<HarborWebhookOptions>(o => o.Responses.Duplicate = 208));
        });

    private static LoanBook Book(WebApplicationFactory<Program> app) => app.Services.GetRequiredService<LoanBook>();
}
