// Native AOT smoke test: every documented sample webhook goes through the dispatcher (verify, parse, claim,
// one handler resolved from DI) in a trimmed, natively compiled binary; exits with 1 if any sample does not
// reach the handler as its typed event.
//   dotnet publish samples/LoanWebhooks.AotSmoke -c Release -r linux-x64
//   samples/LoanWebhooks.AotSmoke/bin/Release/net10.0/linux-x64/publish/LoanWebhooks.AotSmoke
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;

const string Secret = "aot-smoke-secret";
using var receeveSigner = ReceeveWebhookSigner.CreateEcdsa();
var services = new ServiceCollection();
services.AddSingleton<LastEvent>();
services.AddLoanWebhooks(webhooks => webhooks
    .AddPayitoff(o => o.UseBasicAuthentication("payitoff", Secret))
    .AddCanopy(o => o.UseSignatureSecret(Secret))
    .AddReceeve(o => o.UsePublicKey(receeveSigner.PublicKeyPem))
    .AddSpinwheel(o => o.UseSharedSecretHeader("X-Spinwheel-Secret", Secret))
    .AddHandler<RecordingHandler, WebhookEvent>());
using var provider = services.BuildServiceProvider();
var dispatcher = provider.GetRequiredService<IWebhookDispatcher>();
var lastEvent = provider.GetRequiredService<LastEvent>();

var headers = WebhookHeaders.Create(new Dictionary<string, string[]>
{
    ["Authorization"] = ["Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("payitoff:" + Secret))],
    ["X-Spinwheel-Secret"] = [Secret],
});
var spinwheelAddress = SpinwheelAuthenticityVerifier.GetPublishedAddresses(SpinwheelEnvironment.Production)[0];

int failures = 0;
foreach (var sample in DocumentedSamples.All)
{
    byte[] body = sample.Provider.Name switch
    {
        nameof(WebhookProvider.Canopy) => CanopyWebhookSigner.Sign(sample.Body.Span, Secret),
        nameof(WebhookProvider.Receeve) => receeveSigner.Sign(sample.Body.Span),
        _ => sample.Body.ToArray(),
    };
    lastEvent.Value = null;
    var result = await dispatcher.DispatchAsync(new WebhookDelivery(sample.Provider, body, headers, spinwheelAddress));
    var expected = BuiltInWebhookParsers.Default(sample.Provider).EventTypes.Single(t => t.EventType == sample.EventType).EventClrType;
    string outcome = result.Outcome != WebhookDispatchOutcome.Accepted ? $"{result.Outcome}: {result}"
        : lastEvent.Value?.GetType() != expected ? $"handled as {lastEvent.Value?.GetType().Name ?? "nothing"}"
        : "ok";
    failures += outcome == "ok" ? 0 : 1;
    Console.WriteLine($"{sample.Name,-72} {outcome}");
}

Console.WriteLine($"{DocumentedSamples.All.Count - failures} of {DocumentedSamples.All.Count} documented samples verified, parsed and handled as their typed events.");
return failures == 0 ? 0 : 1;

/// <summary>Where the handler leaves the event it was given.</summary>
internal sealed class LastEvent
{
    public WebhookEvent? Value { get; set; }
}

/// <summary>The one handler: records the event so the loop can check its type.</summary>
internal sealed class RecordingHandler(LastEvent lastEvent) : IWebhookHandler<WebhookEvent>
{
    public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        lastEvent.Value = webhookEvent;
        return default;
    }
}
