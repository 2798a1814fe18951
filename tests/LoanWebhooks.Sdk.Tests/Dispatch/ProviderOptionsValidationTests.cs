using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

public sealed class ProviderOptionsValidationTests
{
    [Fact]
    public void A_provider_without_a_verifier_fails_start_up_with_what_to_configure()
    {
        using var services = Build(b => b.AddPayitoff(_ => { }));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Payitoff webhooks are enabled but nothing verifies them", e.Message, StringComparison.Ordinal);
        Assert.Contains("o.UseBasicAuthentication(userName, password)", e.Message, StringComparison.Ordinal);
        Assert.Contains("AllowUnverifiedRequestsForDevelopmentOnly", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderOptionsConfiguration.AllProviders), MemberType = typeof(ProviderOptionsConfiguration))]
    public void Every_provider_without_a_verifier_fails_start_up(WebhookProvider provider)
    {
        using var services = Build(b => ProviderTestProfiles.For(provider).AddProvider(b, _ => { }));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"{provider} webhooks are enabled but nothing verifies them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolving_the_dispatcher_without_a_host_fails_the_same_way()
    {
        using var services = Build(b => b.AddSpinwheel(_ => { }));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IWebhookDispatcher>());

        Assert.Contains("Spinwheel webhooks are enabled but nothing verifies them", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_verifier_settings_fail_start_up_without_echoing_the_secret()
    {
        const string BadSecret = " leading-space-secret";
        using var services = Build(b => b.AddSpinwheel(o => o.UseSharedSecretHeader("X-Spinwheel-Secret", BadSecret)));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Spinwheel verification settings are invalid", e.Message, StringComparison.Ordinal);
        Assert.Contains("Secrets[0] starts or ends with whitespace", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadSecret.Trim(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receeve_private_key_fails_start_up_naming_the_key_without_echoing_it()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        string privateKey = rsa.ExportRSAPrivateKeyPem();
        string keyBody = privateKey.Split('\n')[1];
        using var services = Build(b => b.AddReceeve(o => o.UsePublicKey(privateKey)));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Receeve verification settings are invalid", e.Message, StringComparison.Ordinal);
        Assert.Contains("PublicKeys[0] is a private key (RSA PRIVATE KEY)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(keyBody, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receeve_key_that_is_not_PEM_fails_start_up()
    {
        using var services = Build(b => b.AddReceeve(o => o.UsePublicKey("paste-the-key-here")));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PublicKeys[0] is not PEM text", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("paste-the-key-here", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_receeve_key_file_fails_start_up_naming_the_path()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "missing-" + Guid.NewGuid().ToString("N") + ".pem");
        using var services = Build(b => b.AddReceeve(o => o.UsePublicKeyFile(path)));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"the public key file '{path}' does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_name_without_a_secret_fails_start_up()
    {
        using var services = Build(b => b.AddPayitoff(o => o.SharedSecretHeader.HeaderName = "X-Webhook-Secret"));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("must contain at least one secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_without_a_header_name_fails_start_up()
    {
        using var services = Build(b => b.AddPayitoff(o => o.SharedSecretHeader.Secrets.Add("s3cret-Value-1")));

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("HeaderName", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_secret_headers_are_refused_when_configured()
    {
        var options = new PayitoffWebhookOptions().UseSharedSecretHeader("X-One", "secret-1");

        Assert.Throws<ArgumentException>(() => options.UseSharedSecretHeader("X-Two", "secret-2"));
        options.UseSharedSecretHeader("x-one", "secret-2");
        Assert.Equal(2, options.SharedSecretHeader.Secrets.Count);
    }

    [Fact]
    public async Task Allowing_unverified_requests_starts_accepts_unauthenticated_deliveries_and_warns()
    {
        var logs = new CapturingLoggerFactory();
        await using var services = Build(b => b.AddPayitoff(o => o.AllowUnverifiedRequestsForDevelopmentOnly()), logs);
        services.GetRequiredService<IStartupValidator>().Validate();
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();

        var result = await dispatcher.DispatchAsync(DispatchTestHost.Delivery(DocumentedSamples.Get(WebhookProvider.Payitoff, "test"), secret: null));

        Assert.False(dispatcher.Providers[WebhookProvider.Payitoff].IsVerified);
        Assert.Equal(200, result.StatusCode);
        var warning = Assert.Single(logs.Entries, e => e.EventId.Id == 15);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("verification is DISABLED for Payitoff", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_verifiers_are_all_required()
    {
        await using var services = Build(b => b.AddPayitoff(o => o
            .UseBasicAuthentication("payitoff", "basic-password")
            .UseSharedSecretHeader("X-Webhook-Secret", "header-secret")));
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();
        var body = DocumentedSamples.Get(WebhookProvider.Payitoff, "test").Body;
        var basic = KeyValuePair.Create("Authorization", (string?)("Basic " + Convert.ToBase64String("payitoff:basic-password"u8.ToArray())));
        var header = KeyValuePair.Create("X-Webhook-Secret", (string?)"header-secret");

        var onlyBasic = await dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Payitoff, body, new WebhookHeaders(new[] { basic })));
        var onlyHeader = await dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Payitoff, body, new WebhookHeaders(new[] { header })));
        var both = await dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Payitoff, body, new WebhookHeaders(new[] { basic, header })));

        Assert.Equal(WebhookRejectionReason.VerificationFailed, onlyBasic.RejectionReason);
        Assert.Equal(WebhookRejectionReason.VerificationFailed, onlyHeader.RejectionReason);
        Assert.Equal(200, both.StatusCode);
    }

    [Fact]
    public void Enabling_no_provider_fails_when_the_dispatcher_is_resolved()
    {
        using var services = Build(_ => { });

        var e = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IWebhookDispatcher>());

        Assert.Contains("enabled no provider", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calling_AddLoanWebhooks_twice_adds_up_the_registrations()
    {
        var collection = new ServiceCollection();
        collection.AddLoanWebhooks(b => b.AddPayitoff(o => o.UseBasicAuthentication("u", "p")));
        collection.AddLoanWebhooks(b => b.AddCanopy(o => o.AllowUnverifiedRequestsForDevelopmentOnly()));
        using var services = collection.BuildServiceProvider();

        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();

        Assert.Equal(new[] { WebhookProvider.Payitoff, WebhookProvider.Canopy }, dispatcher.Providers.Keys.ToArray());
        Assert.Single(collection, d => d.ServiceType == typeof(IWebhookDispatcher));
    }

    private static ServiceProvider Build(Action<LoanWebhooksBuilder> configure, ILoggerFactory? logs = null)
    {
        var collection = new ServiceCollection();
        if (logs is not null)
        {
            collection.AddSingleton(logs);
        }

        collection.AddLoanWebhooks(configure);
        return collection.BuildServiceProvider();
    }
}
