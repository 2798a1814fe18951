// Feeds every documented sample webhook through verify → parse and prints the typed event it became,
// then shows what happens to an unknown event type and to a body that is not JSON.
using System;
using System.Collections.Generic;
using System.Text;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Payitoff;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Verification;

// Payitoff signs nothing; the demo authenticates it with a shared-secret header you would configure on your side.
var verifier = new SharedSecretHeaderVerifier(new SharedSecretHeaderOptions
{
    HeaderName = "X-Webhook-Secret",
    Secrets = { "demo-secret-rotate-me" },
});
var headers = new WebhookHeaders(new[] { KeyValuePair.Create("X-Webhook-Secret", (string?)"demo-secret-rotate-me") });

int parsed = 0;
foreach (var sample in DocumentedSamples.All)
{
    var verification = verifier.Verify(new WebhookRequest(sample.Body, headers));
    if (!verification.IsVerified)
    {
        Console.WriteLine($"REJECTED {sample.Name}: {verification.Reason}");
        continue;
    }

    var parser = WebhookParsers.Default(sample.Provider);
    if (parser.TryParse(sample.Body.Span, out var webhookEvent, out var failure))
    {
        parsed++;
        Console.WriteLine($"{sample.Name,-42} → {webhookEvent.GetType().Name} ({webhookEvent.Match}, {sample.Origin} sample)");
        Console.WriteLine($"    {Describe(webhookEvent)}");
    }
    else
    {
        Console.WriteLine($"{sample.Name,-42} → parse error {failure}");
    }
}

var unknown = PayitoffWebhookParser.Default.Parse("""{ "event_type": "borrower.promoted", "data": { "level": 3 } }""");
Console.WriteLine($"unknown type        → {unknown.GetType().Name}, payload kept: {unknown.GetRawText().Length} bytes");

PayitoffWebhookParser.Default.TryParse(Encoding.UTF8.GetBytes("<html>not json</html>"), out _, out var error);
Console.WriteLine($"not JSON            → {error}");

Console.WriteLine($"{parsed} of {DocumentedSamples.All.Count} documented samples parsed to typed events.");
return parsed == DocumentedSamples.All.Count ? 0 : 1;

// ToString() is safe to log: sensitive members print as ***.
static string Describe(WebhookEvent webhookEvent) => webhookEvent switch
{
    PayitoffConnectivityInterruptedEvent e => $"borrower {e.Data.BorrowerId} lost its connection to servicer {e.Data.ServicerId}",
    PayitoffLoanPaidOffEvent e => $"a loan of borrower {e.Data.Borrower.Uuid} was paid off",
    _ => webhookEvent.ToString(),
};
