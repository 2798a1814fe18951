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
using Newtonsoft.Json.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Benchmarks.Providers;

/// <summary>Canopy <c>account_delinquency</c>: small body, discriminator after <c>data</c>.</summary>
public class CanopyAccountDelinquencyBenchmarks : ProviderBenchmarks<CanopyEvent, CanopyAccountDelinquencyEvent>
{
    public override DocumentedSample Fixture => DocumentedSamples.Get(WebhookProvider.Canopy, "account_delinquency");

    protected override WebhookParser<CanopyEvent> Parser => CanopyWebhookParser.Default;

    protected override JsonTypeInfo<CanopyAccountDelinquencyEvent> TypeInfo => CanopyJsonContext.Default.CanopyAccountDelinquencyEvent;

    protected override JsonTypeInfo<CanopyAccountDelinquencyEvent> TypeInfoFor(JsonSerializerOptions options) => new CanopyJsonContext(options).CanopyAccountDelinquencyEvent;

    protected override object? NewtonsoftParse(string body) => NewtonsoftCanopy.Parse(body);

    protected override Delivery Deliver(byte[] body) =>
        new(CanopyWebhookSigner.Sign(body, Secrets.Canopy), WebhookHeaders.Empty, null, new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { Secrets.Canopy } }));

    protected override void AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddCanopy(configure);
}
