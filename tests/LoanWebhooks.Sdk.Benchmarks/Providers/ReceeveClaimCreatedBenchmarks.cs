using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LoanWebhooks.Sdk.Benchmarks.Baseline;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Receeve;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Benchmarks.Providers;

/// <summary>receeve <c>event.claim.created.v1</c>: small body, nested discriminator, idempotency key.</summary>
public class ReceeveClaimCreatedBenchmarks : ProviderBenchmarks<ReceeveEvent, ReceeveClaimCreatedEvent>
{
    public override DocumentedSample Fixture => DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1");

    protected override WebhookParser<ReceeveEvent> Parser => ReceeveWebhookParser.Default;

    protected override JsonTypeInfo<ReceeveClaimCreatedEvent> TypeInfo => ReceeveJsonContext.Default.ReceeveClaimCreatedEvent;

    protected override JsonTypeInfo<ReceeveClaimCreatedEvent> TypeInfoFor(JsonSerializerOptions options) => new ReceeveJsonContext(options).ReceeveClaimCreatedEvent;

    protected override object? NewtonsoftParse(string body) => NewtonsoftReceeve.Parse(body);

    protected override Delivery Deliver(byte[] body) =>
        new(Secrets.ReceeveKey.Sign(body), WebhookHeaders.Empty, null, new ReceeveSignatureVerifier(new ReceeveSignatureOptions { PublicKeys = { Secrets.ReceeveKey.PublicKeyPem } }));

    protected override void AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddReceeve(configure);
}
