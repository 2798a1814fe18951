using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Simulation;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>
/// <c>PayitoffTestProfile.WithSecretHeader(name, secret)</c>, for an app that has Payitoff send a secret header
/// instead of Basic credentials: the profile registers Payitoff with that header, and the simulator sends it.
/// </summary>
public sealed class PayitoffSecretHeaderProfileTests
{
    private const string Header = "X-Payitoff-Secret";
    private const string Secret = "payitoff-header-secret-5e1b";

    [Fact]
    public async Task The_simulator_with_a_secret_header_profile_posts_every_payitoff_sample_accepted_by_the_app_it_configures()
    {
        var profile = PayitoffTestProfile.WithSecretHeader(Header, Secret);
        await using var app = await WebhookTestApp.StartAsync(providers: b => profile.AddVerifiedProvider(b));

        var results = await new WebhookSimulator(app.Client).UseProfile(profile).SendAllAsync(profile.Samples);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(profile.Samples.Select(s => s.EventType), app.Delivered.All.Select(e => e.EventType));
    }

    [Fact]
    public void The_profile_sends_the_secret_in_its_header_and_no_basic_credentials()
    {
        var profile = PayitoffTestProfile.WithSecretHeader(Header, Secret);

        var request = profile.Authenticate(profile.Samples[0].Body);

        Assert.Equal(new[] { (Header, Secret) }, request.Headers.Select(h => (h.Key, h.Value)));
    }

    [Fact]
    public async Task A_secret_header_profile_with_another_secret_is_refused_by_the_app_the_first_one_configures()
    {
        await using var app = await WebhookTestApp.StartAsync(providers: b => PayitoffTestProfile.WithSecretHeader(Header, Secret).AddVerifiedProvider(b));
        var other = PayitoffTestProfile.WithSecretHeader(Header, "another-secret-of-the-same-length");

        var result = await new WebhookSimulator(app.Client).UseProfile(other).SendAsync(other.Samples[0]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.StatusCode);
        Assert.Empty(app.Delivered.All);
    }

    [Theory]
    [InlineData("", Secret)]
    [InlineData(Header, "")]
    public void A_secret_header_profile_needs_a_header_name_and_a_secret(string header, string secret) =>
        Assert.Throws<ArgumentException>(() => PayitoffTestProfile.WithSecretHeader(header, secret));
}
