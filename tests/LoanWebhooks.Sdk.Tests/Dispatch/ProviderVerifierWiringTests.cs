using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>Each provider's typed options build that provider's verifier.</summary>
public sealed class ProviderVerifierWiringTests
{
    private const string Secret = "provider-webhook-secret-3c9a";
    private static readonly IPAddress SpinwheelProduction = IPAddress.Parse("44.232.30.137");

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task Canopy_signature_secret_accepts_signed_bodies_and_refuses_the_documented_signature()
    {
        await using var services = Build(b => b.AddCanopy(o => o.UseSignatureSecret(Secret)));
        var sample = DocumentedSamples.For(WebhookProvider.Canopy)[0];

        var signed = await DispatchAsync(services, WebhookProvider.Canopy, CanopyWebhookSigner.Sign(sample.Body.Span, Secret));
        var documented = await DispatchAsync(services, WebhookProvider.Canopy, sample.Body.ToArray());

        Assert.Equal(200, signed.StatusCode);
        Assert.Equal(503, documented.StatusCode); // never 401: one 401 pauses a Canopy subscription
        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, documented.VerificationResult!.Reason);
    }

    [Fact]
    public async Task Receeve_public_key_accepts_bodies_signed_with_its_private_key_and_refuses_another_key()
    {
        using var receeve = ReceeveWebhookSigner.CreateRsa();
        using var impostor = ReceeveWebhookSigner.CreateRsa();
        await using var services = Build(b => b.AddReceeve(o => o.UsePublicKey(receeve.PublicKeyPem)));
        var body = DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").Body;

        var genuine = await DispatchAsync(services, WebhookProvider.Receeve, receeve.Sign(body.Span));
        var forged = await DispatchAsync(services, WebhookProvider.Receeve, impostor.Sign(body.Span));

        Assert.Equal(WebhookDispatchOutcome.Accepted, genuine.Outcome);
        Assert.Equal(WebhookVerificationFailureReason.InvalidCredential, forged.VerificationResult!.Reason);
    }

    [Fact]
    public async Task Receeve_payload_swapped_under_a_genuine_signature_is_refused_and_runs_no_handler()
    {
        using var receeve = ReceeveWebhookSigner.CreateEcdsa();
        await using var services = Build(b => b.AddReceeve(o => o.UsePublicKey(receeve.PublicKeyPem)).AddHandler<EveryEventHandler, WebhookEvent>());
        string signed = receeve.Sign(DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").BodyText);

        // The indented payload says 501 with a space; the signed, compact payloadAsString keeps saying 501.
        byte[] swapped = Encoding.UTF8.GetBytes(Verification.SignedBodies.Replace(signed, "\"amount\": 501", "\"amount\": 5010"));
        var result = await DispatchAsync(services, WebhookProvider.Receeve, swapped);

        Assert.Equal(WebhookDispatchOutcome.Rejected, result.Outcome);
        Assert.Equal(WebhookVerificationFailureReason.SignedContentMismatch, result.VerificationResult!.Reason);
        Assert.Empty(services.GetRequiredService<HandlerCalls>().All);
    }

    [Fact]
    public async Task Receeve_timestamp_window_is_off_by_default_and_when_set_reads_the_registered_clock()
    {
        using var receeve = ReceeveWebhookSigner.CreateRsa();
        await using var withoutWindow = Build(b => b.AddReceeve(o => o.UsePublicKey(receeve.PublicKeyPem)));
        await using var withWindow = Build(b => b.AddReceeve(o =>
        {
            o.UsePublicKey(receeve.PublicKeyPem);
            o.Signature.MaximumAge = TimeSpan.FromHours(1);
        }));
        var body = DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").Body;

        // The clock is in 2024: a body dated "now" only passes the window if the verifier reads the registered clock.
        var oldWithoutWindow = await DispatchAsync(withoutWindow, WebhookProvider.Receeve, receeve.Sign(body.Span, _time.GetUtcNow().AddDays(-30)));
        var freshWithWindow = await DispatchAsync(withWindow, WebhookProvider.Receeve, receeve.Sign(body.Span, _time.GetUtcNow()));
        var staleWithWindow = await DispatchAsync(withWindow, WebhookProvider.Receeve, receeve.Sign(body.Span, _time.GetUtcNow().AddHours(-2)));

        Assert.Equal(WebhookDispatchOutcome.Accepted, oldWithoutWindow.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Accepted, freshWithWindow.Outcome);
        Assert.Equal(WebhookVerificationFailureReason.Expired, staleWithWindow.VerificationResult!.Reason);
    }

    [Fact]
    public async Task Spinwheel_secret_header_also_checks_the_published_source_addresses()
    {
        await using var services = Build(b => b.AddSpinwheel(o => o.UseSharedSecretHeader("X-Spinwheel-Secret", Secret)));
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");
        var header = new WebhookHeaders(new[] { KeyValuePair.Create("X-Spinwheel-Secret", (string?)Secret) });
        var dispatcher = services.GetRequiredService<IWebhookDispatcher>();

        var fromSpinwheel = await dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Spinwheel, sample.Body, header, SpinwheelProduction));
        var fromElsewhere = await dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Spinwheel, sample.Body, header, IPAddress.Parse("203.0.113.9")));
        var withoutHeader = await dispatcher.DispatchAsync(new WebhookDelivery(WebhookProvider.Spinwheel, sample.Body, WebhookHeaders.Empty, SpinwheelProduction));

        Assert.Equal(WebhookDispatchOutcome.Accepted, fromSpinwheel.Outcome);
        Assert.Equal(WebhookVerificationFailureReason.SourceAddressNotAllowed, fromElsewhere.VerificationResult!.Reason);
        Assert.Equal(WebhookVerificationFailureReason.MissingCredential, withoutHeader.VerificationResult!.Reason);
        Assert.All(new[] { fromElsewhere, withoutHeader }, r => Assert.Equal(503, r.StatusCode));
    }

    [Fact]
    public async Task Spinwheel_source_address_alone_is_a_configuration()
    {
        await using var services = Build(b => b.AddSpinwheel(o => o.Authenticity.VerifyHeaderSecrets = false));
        var sample = DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

        var result = await services.GetRequiredService<IWebhookDispatcher>().DispatchAsync(
            new WebhookDelivery(WebhookProvider.Spinwheel, sample.Body, WebhookHeaders.Empty, SpinwheelProduction));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public void Two_secret_headers_for_Spinwheel_are_both_required()
    {
        var options = new SpinwheelWebhookOptions()
            .UseSharedSecretHeader("X-One", "secret-1")
            .UseSharedSecretHeader("x-one", "secret-2")
            .UseSharedSecretHeader("X-Two", "secret-3");

        Assert.Equal(2, options.Authenticity.Headers.Count);
        Assert.Equal(new[] { "secret-1", "secret-2" }, options.Authenticity.Headers[0].Secrets);
    }

    private ServiceProvider Build(Action<LoanWebhooksBuilder> configure)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(_time);
        collection.AddSingleton<HandlerCalls>();
        collection.AddLoanWebhooks(configure);
        return collection.BuildServiceProvider();
    }

    private static ValueTask<WebhookDispatchResult> DispatchAsync(IServiceProvider services, WebhookProvider provider, byte[] body) =>
        services.GetRequiredService<IWebhookDispatcher>().DispatchAsync(new WebhookDelivery(provider, body, WebhookHeaders.Empty));
}
