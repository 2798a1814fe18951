using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LoanWebhooks.Sdk.Benchmarks.Baseline;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Benchmarks.Providers;

/// <summary>Spinwheel <c>USER_LIABILITIES_CONNECTED</c>: tiny flat body, discriminator first, idempotency key last.</summary>
public class SpinwheelUserLiabilitiesConnectedBenchmarks : ProviderBenchmarks<SpinwheelEvent, SpinwheelUserLiabilitiesConnectedEvent>
{
    public override DocumentedSample Fixture => DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_LIABILITIES_CONNECTED");

    protected override WebhookParser<SpinwheelEvent> Parser => SpinwheelWebhookParser.Default;

    protected override JsonTypeInfo<SpinwheelUserLiabilitiesConnectedEvent> TypeInfo => SpinwheelJsonContext.Default.SpinwheelUserLiabilitiesConnectedEvent;

    protected override JsonTypeInfo<SpinwheelUserLiabilitiesConnectedEvent> TypeInfoFor(JsonSerializerOptions options) => new SpinwheelJsonContext(options).SpinwheelUserLiabilitiesConnectedEvent;

    protected override object? NewtonsoftParse(string body) => NewtonsoftSpinwheel.Parse(body);

    protected override Delivery Deliver(byte[] body)
    {
        var options = new SpinwheelAuthenticityOptions { Headers = { new SharedSecretHeaderOptions { HeaderName = "X-Spinwheel-Secret", Secrets = { Secrets.Spinwheel } } } };
        var headers = WebhookHeaders.Create(new Dictionary<string, string[]> { ["X-Spinwheel-Secret"] = [Secrets.Spinwheel], ["Content-Type"] = ["application/json"] });
        var production = SpinwheelAuthenticityVerifier.GetPublishedAddresses(SpinwheelEnvironment.Production)[0];
        return new Delivery(body, headers, production, new SpinwheelAuthenticityVerifier(options));
    }

    protected override void AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddSpinwheel(configure);
}
