// Native AOT smoke test: every documented sample webhook goes through the dispatcher (verify, parse, claim,
// one handler resolved from DI) in a trimmed, natively compiled binary; exits with 1 if any sample does not
// reach the handler as its typed event.
//   dotnet publish samples/LoanWebhooks.AotSmoke -c Release -r linux-x64
//   samples/LoanWebhooks.AotSmoke/bin/Release/net10.0/linux-x64/publish/LoanWebhooks.AotSmoke
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Testing.Signing;
using Microsoft.Extensions.DependencyInjection;

// Each provider's test profile registers it with test credentials and authenticates its samples, so the loop below
// names no provider. receeve signs with an EC key here (the built-in profile's is RSA) so both key types run natively.
using var receeveSigner = ReceeveWebhookSigner.CreateEcdsa();
var profiles = ProviderTestProfiles.All.Select(p => p is ReceeveTestProfile ? new ReceeveTestProfile(receeveSigner) : p).ToList();
var services = new ServiceCollection();
services.AddSingleton<LastEvent>();
services.AddLoanWebhooks(webhooks =>
{
    foreach (var profile in profiles)
    {
        profile.AddVerifiedProvider(webhooks);
    }

    webhooks.AddHandler<RecordingHandler, WebhookEvent>();
});
using var provider = services.BuildServiceProvider();
var dispatcher = provider.GetRequiredService<IWebhookDispatcher>();
var lastEvent = provider.GetRequiredService<LastEvent>();

int failures = 0;
int count = 0;
foreach (var profile in profiles)
{
    foreach (var sample in profile.Samples)
    {
        lastEvent.Value = null;
        var result = await dispatcher.DispatchAsync(profile.CreateDelivery(sample));
        var expected = BuiltInWebhookParsers.Default(sample.Provider).EventTypes.Single(t => t.EventType == sample.EventType).EventClrType;
        string outcome = result.Outcome != WebhookDispatchOutcome.Accepted ? $"{result.Outcome}: {result}"
            : lastEvent.Value?.GetType() != expected ? $"handled as {lastEvent.Value?.GetType().Name ?? "nothing"}"
            : "ok";
        failures += outcome == "ok" ? 0 : 1;
        count++;
        Console.WriteLine($"{sample.Name,-72} {outcome}");
    }
}

Console.WriteLine($"{count - failures} of {count} documented samples verified, parsed and handled as their typed events.");
return failures == 0 && count == DocumentedSamples.All.Count ? 0 : 1;

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
