using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Dispatch;

/// <summary>
/// "Logs never carry bodies or secrets", for every provider with its real verifier and for every outcome: each body
/// value and secret planted here contains <see cref="Canary"/>, and no log entry (message, structured values or
/// exception) may contain it.
/// </summary>
public sealed class LogCanaryTests
{
    private const string Canary = "CANARY";
    private const string PayitoffUser = "user-CANARY-7f";
    private const string PayitoffPassword = "password-CANARY-2q";
    private const string CanopySecret = "canopy-secret-CANARY-9x";
    private const string SpinwheelHeader = "X-Spinwheel-Secret";
    private const string SpinwheelSecret = "spinwheel-secret-CANARY-4k";
    private static readonly IPAddress SpinwheelAddress = IPAddress.Parse("44.232.30.137");

    private static readonly Dictionary<WebhookProvider, string> SampleEventType = new()
    {
        [WebhookProvider.Payitoff] = "loan.paid_off",
        [WebhookProvider.Canopy] = "account_delinquency",
        [WebhookProvider.Spinwheel] = "USER_LIABILITIES_CONNECTED",
        [WebhookProvider.Receeve] = "event.claim.created.v1",
    };

    public static TheoryData<WebhookProvider> Providers() => new(WebhookProvider.BuiltIn);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_log_carries_a_body_value_or_a_secret_whatever_the_outcome(WebhookProvider provider)
    {
        using var receeve = ReceeveWebhookSigner.CreateRsa();
        using var impostor = ReceeveWebhookSigner.CreateRsa();
        var scenarios = new Scenarios(provider, receeve);
        var logs = new List<CapturingLoggerFactory.LogEntry>();

        async Task<WebhookDispatchResult> RunAsync(Func<Host, Task<WebhookDispatchResult>> scenario)
        {
            await using var host = new Host(provider, receeve);
            var result = await scenario(host);
            Assert.NotEmpty(host.Logs.Entries);
            logs.AddRange(host.Logs.Entries);
            return result;
        }

        var accepted = await RunAsync(h => h.DispatchAsync(scenarios.Signed(scenarios.Body(1))));
        var duplicate = await RunAsync(async h =>
        {
            await h.DispatchAsync(scenarios.Signed(scenarios.Body(2)));
            return await h.DispatchAsync(scenarios.Signed(scenarios.Body(2)));
        });
        var inProgress = await RunAsync(h =>
        {
            h.Store.AnswerInProgress = true;
            return h.DispatchAsync(scenarios.Signed(scenarios.Body(3)));
        });
        var unverified = new List<WebhookDispatchResult>();
        foreach (var forgery in scenarios.Forgeries(impostor))
        {
            unverified.Add(await RunAsync(h => h.DispatchAsync(forgery)));
        }

        var drifted = await RunAsync(h => h.DispatchAsync(scenarios.Signed(scenarios.DriftedBody())));
        var tooLarge = await RunAsync(h => h.DispatchAsync(scenarios.Delivery(scenarios.OversizedBody(), scenarios.ValidHeaders())));
        var handlerFailed = await RunAsync(h =>
        {
            h.Failure.Fail = true;
            return h.DispatchAsync(scenarios.Signed(scenarios.Body(7)));
        });
        var claimFailed = await RunAsync(h =>
        {
            h.Store.ClaimThrows = true;
            return h.DispatchAsync(scenarios.Signed(scenarios.Body(8)));
        });
        var completeFailed = await RunAsync(h =>
        {
            h.Store.CompletionsThatThrow = 1;
            return h.DispatchAsync(scenarios.Signed(scenarios.Body(9)));
        });

        Assert.Equal(WebhookDispatchOutcome.Accepted, accepted.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Duplicate, duplicate.Outcome);
        Assert.Equal(WebhookDispatchOutcome.InProgress, inProgress.Outcome);
        Assert.True(unverified.Count >= 3);
        Assert.All(unverified, r => Assert.Equal(WebhookRejectionReason.VerificationFailed, r.RejectionReason));
        Assert.True(unverified.Select(r => r.VerificationResult!.Reason).Distinct().Count() >= 2);
        Assert.Equal(WebhookDispatchOutcome.Quarantined, drifted.Outcome);
        Assert.Equal(WebhookRejectionReason.BodyTooLarge, tooLarge.RejectionReason);
        Assert.Equal(WebhookDispatchOutcome.Failed, handlerFailed.Outcome);
        Assert.NotNull(handlerFailed.FailedHandlerType);
        Assert.Equal(WebhookDispatchOutcome.Failed, claimFailed.Outcome);
        Assert.Equal(WebhookDispatchOutcome.Accepted, completeFailed.Outcome);
        string everything = string.Join("\n", logs.Select(e => e.AllText));
        Assert.DoesNotContain(Canary, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Scenarios.BasicCredentials(PayitoffUser, PayitoffPassword), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Scenarios.BasicCredentials(PayitoffUser, "wrong-CANARY"), everything, StringComparison.Ordinal);
    }

    /// <summary>Bodies and deliveries for one provider, each carrying canaries.</summary>
    private sealed class Scenarios(WebhookProvider provider, ReceeveWebhookSigner receeve)
    {
        private readonly DocumentedSample _sample = DocumentedSamples.Get(provider, SampleEventType[provider]);

        public static string BasicCredentials(string user, string password) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

        /// <summary>The sample with a canary in its root object (and, for receeve, in the signed payload too).</summary>
        public byte[] Body(int n) => Encoding.UTF8.GetBytes(Planted(_sample.BodyText, $"\"planted\": \"body-value-{Canary}-{n}\""));

        /// <summary>A verified body that does not fit its schema: the canary member twice.</summary>
        public byte[] DriftedBody() =>
            Encoding.UTF8.GetBytes(Planted(_sample.BodyText, $"\"planted\": \"first-{Canary}\", \"planted\": \"second-{Canary}\""));

        public byte[] OversizedBody() =>
            Encoding.UTF8.GetBytes(Planted(_sample.BodyText, $"\"planted\": \"{string.Concat(Enumerable.Repeat(Canary, 200_000))}\""));

        public byte[] Sign(byte[] body) => provider.Name switch
        {
            nameof(WebhookProvider.Canopy) => CanopyWebhookSigner.Sign(body, CanopySecret),
            nameof(WebhookProvider.Receeve) => receeve.Sign(body),
            _ => body,
        };

        public WebhookDelivery Signed(byte[] body) => Delivery(Sign(body), ValidHeaders());

        public WebhookHeaders ValidHeaders() => provider.Name switch
        {
            nameof(WebhookProvider.Payitoff) => Headers(("Authorization", "Basic " + BasicCredentials(PayitoffUser, PayitoffPassword))),
            nameof(WebhookProvider.Spinwheel) => Headers((SpinwheelHeader, SpinwheelSecret)),
            _ => WebhookHeaders.Empty,
        };

        public WebhookDelivery Delivery(byte[] body, WebhookHeaders headers, IPAddress? from = null) =>
            new(provider, body, headers, from ?? SpinwheelAddress, provider == WebhookProvider.Spinwheel ? _sample.EventType : null);

        /// <summary>Deliveries that fail verification in every way this provider's verifier can tell apart.</summary>
        public IEnumerable<WebhookDelivery> Forgeries(ReceeveWebhookSigner impostor)
        {
            byte[] body = Body(4);
            switch (provider.Name)
            {
                case nameof(WebhookProvider.Payitoff):
                    yield return Delivery(body, WebhookHeaders.Empty);
                    yield return Delivery(body, Headers(("Authorization", "Basic " + BasicCredentials(PayitoffUser, "wrong-CANARY"))));
                    yield return Delivery(body, Headers(("Authorization", "Basic " + BasicCredentials(PayitoffUser, PayitoffPassword)), ("Authorization", "Basic other-CANARY")));
                    yield return Delivery(body, Headers(("Authorization", $"Basic !!{Canary}!!")));
                    break;
                case nameof(WebhookProvider.Spinwheel):
                    yield return Delivery(body, WebhookHeaders.Empty);
                    yield return Delivery(body, Headers((SpinwheelHeader, "wrong-CANARY")));
                    yield return Delivery(body, Headers((SpinwheelHeader, SpinwheelSecret), (SpinwheelHeader, "other-CANARY")));
                    yield return Delivery(body, ValidHeaders(), IPAddress.Parse("203.0.113.9"));
                    break;
                case nameof(WebhookProvider.Canopy):
                    string signed = Encoding.UTF8.GetString(Sign(body));
                    yield return Delivery(CanopyWebhookSigner.Sign(body, "wrong-secret-CANARY"), WebhookHeaders.Empty);
                    yield return Delivery(Encoding.UTF8.GetBytes(Regex.Replace(signed, "\"hmac_signature\"\\s*:\\s*\"[^\"]*\"", $"\"hmac_signature\": \"!!{Canary}!!\"")), WebhookHeaders.Empty);
                    yield return Delivery(Encoding.UTF8.GetBytes(Regex.Replace(signed, "\"hmac_signature\"\\s*:\\s*\"[^\"]*\"\\s*,?", string.Empty)), WebhookHeaders.Empty);
                    break;
                case nameof(WebhookProvider.Receeve):
                    string genuine = Encoding.UTF8.GetString(receeve.Sign(body));
                    yield return Delivery(impostor.Sign(body), WebhookHeaders.Empty);
                    yield return Delivery(Encoding.UTF8.GetBytes(Verification.SignedBodies.Replace(genuine, "\"amount\": 501", "\"amount\": 5010")), WebhookHeaders.Empty);
                    yield return Delivery(body, WebhookHeaders.Empty);
                    yield return Delivery(Encoding.UTF8.GetBytes(Regex.Replace(genuine, "\"signature\"\\s*:\\s*\"[^\"]*\"", $"\"signature\": \"!!{Canary}!!\"")), WebhookHeaders.Empty);
                    break;
            }
        }

        private static WebhookHeaders Headers(params (string Name, string Value)[] headers) =>
            new(headers.Select(h => KeyValuePair.Create(h.Name, (string?)h.Value)));

        private string Planted(string text, string members)
        {
            int open = text.IndexOf('{', StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, open + 1), members, ",", text.AsSpan(open + 1));
            if (provider != WebhookProvider.Receeve)
            {
                return text;
            }

            int payload = text.IndexOf('{', text.IndexOf("\"payload\"", StringComparison.Ordinal));
            return string.Concat(text.AsSpan(0, payload + 1), $"\"plantedInPayload\": \"payload-value-{Canary}\",", text.AsSpan(payload + 1));
        }
    }

    /// <summary>One provider with its real verifier, a scripted store and a handler for every event that fails on request.</summary>
    private sealed class Host : IAsyncDisposable
    {
        private readonly ServiceProvider _services;

        public Host(WebhookProvider provider, ReceeveWebhookSigner receeve)
        {
            var time = new ManualTimeProvider();
            var collection = new ServiceCollection();
            collection.AddSingleton<TimeProvider>(time);
            collection.AddSingleton<ILoggerFactory>(Logs);
            collection.AddSingleton(Failure);
            collection.AddSingleton<IWebhookIdempotencyStore>(Store = new ScriptedIdempotencyStore(time));
            collection.AddLoanWebhooks(b =>
            {
                _ = provider.Name switch
                {
                    nameof(WebhookProvider.Payitoff) => b.AddPayitoff(o => o.UseBasicAuthentication(PayitoffUser, PayitoffPassword).DeduplicateIdenticalBodies()),
                    nameof(WebhookProvider.Canopy) => b.AddCanopy(o => o.UseSignatureSecret(CanopySecret)),
                    nameof(WebhookProvider.Spinwheel) => b.AddSpinwheel(o => o.UseSharedSecretHeader(SpinwheelHeader, SpinwheelSecret)),
                    _ => b.AddReceeve(o => o.UsePublicKey(receeve.PublicKeyPem)),
                };
                b.AddHandler<SwitchableEveryEventHandler>();
            });
            _services = collection.BuildServiceProvider();
        }

        public CapturingLoggerFactory Logs { get; } = new();

        public FailureSwitch Failure { get; } = new() { Fail = false };

        public ScriptedIdempotencyStore Store { get; }

        public Task<WebhookDispatchResult> DispatchAsync(WebhookDelivery delivery) =>
            _services.GetRequiredService<IWebhookDispatcher>().DispatchAsync(delivery).AsTask();

        public ValueTask DisposeAsync() => _services.DisposeAsync();
    }

    private sealed class SwitchableEveryEventHandler(FailureSwitch failure) : IWebhookHandler<WebhookEvent>
    {
        public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
            failure.Fail ? throw new InvalidOperationException("handler broke") : ValueTask.CompletedTask;
    }
}
