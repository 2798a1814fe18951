using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LoanWebhooks.Sdk.Benchmarks.Baseline;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Benchmarks.Providers;

/// <summary>Canopy <c>account_update</c>: a large body (about 7 KB) with the discriminator after <c>data</c>.</summary>
public class CanopyAccountUpdateBenchmarks : ProviderBenchmarks<CanopyEvent, CanopyAccountUpdateEvent>
{
    public override DocumentedSample Fixture => DocumentedSamples.Get(WebhookProvider.Canopy, "account_update");

    protected override WebhookParser<CanopyEvent> Parser => CanopyWebhookParser.Default;

    protected override JsonTypeInfo<CanopyAccountUpdateEvent> TypeInfo => CanopyJsonContext.Default.CanopyAccountUpdateEvent;

    protected override JsonTypeInfo<CanopyAccountUpdateEvent> TypeInfoFor(JsonSerializerOptions options) => new CanopyJsonContext(options).CanopyAccountUpdateEvent;

    protected override object? NewtonsoftParse(string body) => NewtonsoftCanopy.Parse(body);

    protected override Delivery Deliver(byte[] body) =>
        new(CanopyWebhookSigner.Sign(body, Secrets.Canopy), WebhookHeaders.Empty, null, new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { Secrets.Canopy } }));

    protected override void AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddCanopy(configure);
}
