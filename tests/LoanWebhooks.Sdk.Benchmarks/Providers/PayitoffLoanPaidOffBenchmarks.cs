using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LoanWebhooks.Sdk.Benchmarks.Baseline;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace LoanWebhooks.Sdk.Benchmarks.Providers;

/// <summary>Payitoff <c>loan.paid_off</c>: discriminator first, a borrower and a loan (about 1 KB).</summary>
public class PayitoffLoanPaidOffBenchmarks : ProviderBenchmarks<PayitoffEvent, PayitoffLoanPaidOffEvent>
{
    public override DocumentedSample Fixture => DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off");

    protected override WebhookParser<PayitoffEvent> Parser => PayitoffWebhookParser.Default;

    protected override JsonTypeInfo<PayitoffLoanPaidOffEvent> TypeInfo => PayitoffJsonContext.Default.PayitoffLoanPaidOffEvent;

    protected override JsonTypeInfo<PayitoffLoanPaidOffEvent> TypeInfoFor(JsonSerializerOptions options) => new PayitoffJsonContext(options).PayitoffLoanPaidOffEvent;

    protected override object? NewtonsoftParse(string body) => NewtonsoftPayitoff.Parse(body);

    protected override Delivery Deliver(byte[] body)
    {
        // Payitoff documents no signature: basic-auth credentials in the registered URL are the README's advice.
        var options = new BasicAuthenticationOptions { Credentials = { new BasicAuthenticationCredential("payitoff", Secrets.Payitoff) } };
        string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("payitoff:" + Secrets.Payitoff));
        var headers = WebhookHeaders.Create(new Dictionary<string, string[]> { ["Authorization"] = ["Basic " + credentials], ["Content-Type"] = ["application/json"] });
        return new Delivery(body, headers, null, new BasicAuthenticationVerifier(options));
    }

    protected override void AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure) => builder.AddPayitoff(configure);
}
