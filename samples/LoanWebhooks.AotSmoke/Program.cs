// Native AOT smoke test: verifies and parses every documented sample webhook in a trimmed, natively
// compiled binary, and exits with 1 if any sample does not become its typed event.
//   dotnet publish samples/LoanWebhooks.AotSmoke -c Release -r linux-x64
//   samples/LoanWebhooks.AotSmoke/bin/Release/net10.0/linux-x64/publish/LoanWebhooks.AotSmoke
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;

const string Secret = "aot-smoke-secret";
var spinwheelAddress = SpinwheelAuthenticityVerifier.GetPublishedAddresses(SpinwheelEnvironment.Production)[0];
var verifiers = new Dictionary<WebhookProvider, IWebhookVerifier>
{
    [WebhookProvider.Payitoff] = new BasicAuthenticationVerifier(new BasicAuthenticationOptions { Credentials = { new BasicAuthenticationCredential("payitoff", Secret) } }),
    [WebhookProvider.Canopy] = new CanopySignatureVerifier(new CanopySignatureOptions { Secrets = { Secret } }),
    [WebhookProvider.Receeve] = new ReceeveSignatureVerifier(new ReceeveSignatureOptions { Secrets = { Secret } }),
    [WebhookProvider.Spinwheel] = new SpinwheelAuthenticityVerifier(new SpinwheelAuthenticityOptions
    {
        Headers = { new SharedSecretHeaderOptions { HeaderName = "X-Spinwheel-Secret", Secrets = { Secret } } },
    }),
};
var headers = WebhookHeaders.Create(new Dictionary<string, string[]>
{
    ["Authorization"] = ["Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("payitoff:" + Secret))],
    ["X-Spinwheel-Secret"] = [Secret],
});

int failures = 0;
foreach (var sample in DocumentedSamples.All)
{
    byte[] body = sample.Provider switch
    {
        WebhookProvider.Canopy => CanopyWebhookSigner.Sign(sample.Body.Span, Secret),
        WebhookProvider.Receeve => ReceeveWebhookSigner.Sign(sample.Body.Span, Secret, timestamp: DateTimeOffset.UtcNow),
        _ => sample.Body.ToArray(),
    };
    var verification = verifiers[sample.Provider].Verify(new WebhookRequest(body, headers, spinwheelAddress));
    var parser = WebhookParsers.Default(sample.Provider);
    string outcome = !verification.IsVerified ? $"not verified: {verification.Reason}"
        : !parser.TryParse(body, out var webhookEvent, out var failure) ? $"not parsed: {failure}"
        : webhookEvent.GetType() != parser.EventTypes.Single(t => t.EventType == sample.EventType).EventClrType ? $"parsed as {webhookEvent.GetType().Name}"
        : "ok";
    failures += outcome == "ok" ? 0 : 1;
    Console.WriteLine($"{sample.Name,-72} {outcome}");
}

Console.WriteLine($"{DocumentedSamples.All.Count - failures} of {DocumentedSamples.All.Count} documented samples verified and parsed to their typed events.");
return failures == 0 ? 0 : 1;
