using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Simulation;
using LoanWebhooks.Sdk.Tests.Docs;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Providers;

/// <summary>
/// Every provider the schemas declare has a test profile that the simulator, the demo, the AOT smoke and the
/// cross-provider tests can use: found by its schema name, pointing at the schema's discriminator, with samples, and
/// verified by the endpoint it configures.
/// </summary>
public sealed class ProviderTestProfileTests
{
    /// <summary>The <c>x-provider</c> name of every <c>schemas/*/provider.json</c>.</summary>
    public static TheoryData<string> SchemaProviders() => new(SchemaProvider.ReadAll().Select(p => p.Name));

    [Fact]
    public void The_schemas_declare_the_providers_that_have_built_in_profiles_and_no_others()
    {
        var declared = SchemaProvider.ReadAll().Select(p => p.Name).Order(StringComparer.Ordinal);

        var profiled = ProviderTestProfiles.All.Select(p => p.Provider.ToString()).Order(StringComparer.Ordinal);

        Assert.Equal(declared, profiled);
    }

    [Theory]
    [MemberData(nameof(SchemaProviders))]
    public void Every_schema_provider_has_a_profile_pointing_at_its_discriminator(string name)
    {
        var schema = SchemaProvider.ReadAll().Single(p => p.Name == name);

        var profile = ProfileNamed(name);

        Assert.Equal(schema.Discriminator, profile.EventTypePointer);
    }

    [Theory]
    [MemberData(nameof(SchemaProviders))]
    public void Every_schema_provider_has_a_sample_in_its_profile_for_each_of_its_events(string name)
    {
        var schema = SchemaProvider.ReadAll().Single(p => p.Name == name);
        var profile = ProfileNamed(name);

        var samples = profile.Samples;

        Assert.All(samples, s => Assert.Equal(profile.Provider, s.Provider));
        Assert.True(samples.Count >= schema.EventSchemaCount, $"{name} has {schema.EventSchemaCount} event schemas but its profile {samples.Count} samples.");
    }

    [Theory]
    [MemberData(nameof(SchemaProviders))]
    public async Task Every_sample_a_profile_authenticates_is_accepted_by_the_endpoint_the_profile_configures(string name)
    {
        var profile = ProfileNamed(name);
        await using var services = Dispatcher(profile);
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();

        var outcomes = new List<string>();
        foreach (var sample in profile.Samples)
        {
            var result = await dispatcher.DispatchAsync(profile.CreateDelivery(sample));
            outcomes.Add($"{sample.Name}: {result.Outcome}");
        }

        Assert.All(outcomes, o => Assert.EndsWith(": Accepted", o, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SchemaProviders))]
    public async Task A_sample_sent_without_the_profiles_authentication_is_refused(string name)
    {
        var profile = ProfileNamed(name);
        await using var services = Dispatcher(profile);
        var sample = profile.Samples[0];
        var authenticated = profile.CreateDelivery(sample);

        var result = await services.GetRequiredService<IWebhookDispatcher>().DispatchAsync(
            new WebhookDelivery(profile.Provider, sample.Body, WebhookHeaders.Empty, authenticated.RemoteIpAddress, authenticated.ExpectedEventType));

        Assert.Equal(WebhookRejectionReason.VerificationFailed, result.RejectionReason);
    }

    [Fact]
    public void Looking_up_a_provider_without_a_profile_fails_naming_it()
    {
        var provider = UndefinedProvider();

        var e = Assert.Throws<KeyNotFoundException>(() => ProviderTestProfiles.For(provider));

        Assert.Contains($"'{provider}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(WebhookSimulator.UseProfile), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulator_refuses_a_provider_without_a_profile_instead_of_sending_it_as_another()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://localhost") };
        var simulator = new WebhookSimulator(client);

        var e = Assert.Throws<ArgumentException>(() => simulator.CreateRequest(UndefinedProvider(), "{}"u8.ToArray()));

        Assert.Contains($"'{UndefinedProvider()}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_sends_a_body_as_a_profile_of_your_own_authenticates_it()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://localhost") };
        var profile = new TokenHeaderProfile();
        var simulator = new WebhookSimulator(client).UseProfile(profile);

        using var request = simulator.CreateRequest(profile.Provider, "{\"kind\":\"x\"}"u8.ToArray(), "x");

        Assert.Equal("/hooks/token/x", request.RequestUri!.OriginalString);
        Assert.Equal("t0ken", Assert.Single(request.Headers.GetValues(TokenHeaderProfile.Header)));
        Assert.Equal("{\"kind\":\"x\",\"signed\":true}", await request.Content!.ReadAsStringAsync());
    }

    [Fact]
    public void Spinwheel_is_sent_to_its_per_event_url_from_its_published_address_through_the_loopback_proxy()
    {
        using var client = new HttpClient { BaseAddress = new Uri("http://localhost") };
        var profile = new SpinwheelTestProfile();
        var sample = profile.Samples[0];

        using var request = new WebhookSimulator(client).UseProfile(profile).CreateRequest(sample);

        Assert.Equal($"/webhooks/spinwheel/{sample.EventType}", request.RequestUri!.OriginalString);
        Assert.Equal(profile.SourceAddress.ToString(), Assert.Single(request.Headers.GetValues("X-Forwarded-For")));
        Assert.Equal(sample.EventType, profile.CreateDelivery(sample).ExpectedEventType);
    }

    private static ProviderTestProfile ProfileNamed(string name) =>
        ProviderTestProfiles.All.SingleOrDefault(p => p.Provider.ToString() == name)
        ?? throw new Xunit.Sdk.XunitException($"schemas/ declares the provider {name}, but ProviderTestProfiles has no profile for it: add one under src/LoanWebhooks.Sdk.Testing/Providers/{name}/.");

    // The one place that makes a provider value no schema declares.
    private static WebhookProvider UndefinedProvider() => new("NoSchemaDeclaresThis");

    private static ServiceProvider Dispatcher(ProviderTestProfile profile)
    {
        var services = new ServiceCollection();
        services.AddLoanWebhooks(b => profile.AddVerifiedProvider(b).AddHandler<AcceptingHandler, WebhookEvent>());
        return services.BuildServiceProvider();
    }

    private sealed class AcceptingHandler : IWebhookHandler<WebhookEvent>
    {
        public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) => default;
    }

    /// <summary>A profile as a user writes one: a token header, a body rewritten by "signing", a path of its own.</summary>
    private sealed class TokenHeaderProfile() : ProviderTestProfile(WebhookProvider.Payitoff, "/kind")
    {
        public const string Header = "X-Token";

        public override string PathTemplate => "/hooks/token/{eventType}";

        public override IReadOnlyList<DocumentedSample> Samples { get; } = [new(WebhookProvider.Payitoff, "x", "{\"kind\":\"x\"}")];

        public override LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddPayitoff(configure);

        public override LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null) =>
            builder.AddPayitoff(o =>
            {
                o.UseSharedSecretHeader(Header, "t0ken");
                configure?.Invoke(o);
            });

        public override AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body) => new()
        {
            Body = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body.Span).TrimEnd('}') + ",\"signed\":true}"),
            Headers = [new(Header, "t0ken")],
        };
    }
}
