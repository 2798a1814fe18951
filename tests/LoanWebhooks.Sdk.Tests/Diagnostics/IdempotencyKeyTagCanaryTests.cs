using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Idempotency;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Testing.Providers;
using LoanWebhooks.Sdk.Tests.Dispatch;
using LoanWebhooks.Sdk.Tests.Docs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>
/// "Tags never carry the idempotency key": the provider's id (or, without one, the body's hash) identifies one
/// delivery, so as a tag it would make every measurement a series of its own and put a value the body chose into the
/// trace. The id members carry a canary here, and every outcome that touches the key — claim, complete, release,
/// duplicate, in progress, admission and background processing — runs with a listener attached.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class IdempotencyKeyTagCanaryTests
{
    private const string Canary = "KEYCANARY";

    public static TheoryData<WebhookProvider> Providers() => new(WebhookProvider.BuiltIn);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task No_tag_carries_the_idempotency_key_whatever_the_outcome(WebhookProvider provider)
    {
        var store = new ScriptedIdempotencyStore(TimeProvider.System);
        await using var host = new DispatchTestHost(b => b.AddHandler<SwitchableFailingHandler>(), servicesBefore: s => s.AddSingleton<IWebhookIdempotencyStore>(store));
        var failure = host.Services.GetRequiredService<FailureSwitch>();
        var (first, second, third) = (CanaryDelivery(provider, 1), CanaryDelivery(provider, 2), CanaryDelivery(provider, 3));
        using var telemetry = new TelemetryCapture();

        await host.Dispatcher.DispatchAsync(first);   // the handler throws: claim, release
        failure.Fail = false;
        await host.Dispatcher.DispatchAsync(first);   // claim, complete
        await host.Dispatcher.DispatchAsync(first);   // duplicate
        store.AnswerInProgress = true;
        await host.Dispatcher.DispatchAsync(second);  // in progress
        store.AnswerInProgress = false;
        store.CompletionsThatThrow = 1;
        await host.Dispatcher.DispatchAsync(second);  // accepted, the completion a store error
        await host.Dispatcher.ProcessAsync(await host.Dispatcher.AdmitAsync(third));

        string[] outcomes = telemetry.Deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["webhook.outcome"]!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "accepted", "deferred", "duplicate", "failed", "in_progress" }, outcomes);
        string everything = string.Join("\n", telemetry.AllTagText());
        Assert.Contains("webhook.claim.status=", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, everything, StringComparison.Ordinal);
        Assert.All(new[] { first, second, third }, delivery => Assert.DoesNotContain(KeyOf(delivery).Value, everything, StringComparison.Ordinal));
    }

    /// <summary>
    /// A documented sample whose provider id (the schema's <c>x-idempotency-key</c>) is a canary; for a provider that
    /// sends none, the key is the body's hash, and a canary member makes each body (and so each hash) its own.
    /// </summary>
    private static WebhookDelivery CanaryDelivery(WebhookProvider provider, int number)
    {
        string canary = $"{Canary}-{provider}-{number}";
        string? pointer = SchemaProvider.ReadAll().Single(p => p.Provider == provider).IdempotencyKey;
        foreach (DocumentedSample sample in DocumentedSamples.For(provider))
        {
            var body = JsonNode.Parse(sample.BodyText, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
            if (pointer is null)
            {
                body["key_canary"] = canary;
            }
            else if (Parent(body, pointer) is { } holder && holder[LastSegment(pointer)] is JsonValue)
            {
                holder[LastSegment(pointer)] = canary;
            }
            else
            {
                continue;
            }

            var delivery = DispatchTestHost.Delivery(provider, Encoding.UTF8.GetBytes(body.ToJsonString()), expectedEventType: ProviderTestProfiles.For(provider).ExpectedEventTypeFor(sample.EventType));
            Assert.Equal(pointer is null ? WebhookIdempotencyKeySource.BodyHash : WebhookIdempotencyKeySource.ProviderId, KeyOf(delivery).Source);
            Assert.True(pointer is null || KeyOf(delivery).Value == canary, $"The {provider} key is not the canary planted at {pointer}.");
            return delivery;
        }

        throw new InvalidOperationException($"No documented {provider} sample carries {pointer}.");
    }

    private static WebhookIdempotencyKey KeyOf(WebhookDelivery delivery) =>
        WebhookIdempotencyKey.For(BuiltInWebhookParsers.Default(delivery.Provider).Parse(delivery.Body.Span, delivery.ExpectedEventType), delivery.Body.Span);

    private static JsonObject? Parent(JsonObject root, string pointer)
    {
        string[] segments = pointer.TrimStart('/').Split('/');
        JsonNode? node = root;
        foreach (string segment in segments[..^1])
        {
            node = node is JsonObject o && o.TryGetPropertyValue(segment, out JsonNode? child) ? child : null;
        }

        return node as JsonObject;
    }

    private static string LastSegment(string pointer) => pointer[(pointer.LastIndexOf('/') + 1)..];

    /// <summary>Throws for every event while <see cref="FailureSwitch.Fail"/> is set.</summary>
    public sealed class SwitchableFailingHandler(FailureSwitch failure) : IWebhookHandler<WebhookEvent>
    {
        public ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken) =>
            failure.Fail ? throw new InvalidOperationException("handler broke") : ValueTask.CompletedTask;
    }
}
