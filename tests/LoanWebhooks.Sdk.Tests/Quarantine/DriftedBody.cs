using System;
using System.Collections.Generic;
using System.Text;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using LoanWebhooks.Sdk.Tests.Dispatch;

namespace LoanWebhooks.Sdk.Tests.Quarantine;

/// <summary>
/// A documented sample with one realistic schema drift (a typed member whose JSON type changed), and a distinctive
/// value in another member so that a test can look for payload values where none may appear.
/// </summary>
public sealed class DriftedBody
{
    /// <summary>A value no SDK text contains; it is in every drifted body, in a member that still fits.</summary>
    public const string Canary = "zq-drift-canary-5531";

    /// <summary>The drifted member's new value, where the schema has a string: distinctive too.</summary>
    public const string DriftedNumber = "73918264501";

    private static readonly IReadOnlyDictionary<WebhookProvider, DriftedBody> ByProvider = new Dictionary<WebhookProvider, DriftedBody>
    {
        // A string id sent as a number.
        [WebhookProvider.Payitoff] = new(
            DocumentedSamples.Get(WebhookProvider.Payitoff, "connectivity.interrupted"),
            ("\"borrower_id\": \"29847388-7220-40a2-8596-2732ce167a34\"", $"\"borrower_id\": {DriftedNumber}"),
            ("\"servicer_id\": \"ed9eeb2b-47bc-4b81-93a5-328b7a14c1b7\"", $"\"servicer_id\": \"{Canary}\""),
            "$.data.borrower_id"),

        // An amount Canopy sends as a string ("3147") sent as a number.
        [WebhookProvider.Canopy] = new(
            DocumentedSamples.Get(WebhookProvider.Canopy, "account_delinquency"),
            ("\"cure_amount\": \"3147\"", $"\"cure_amount\": {DriftedNumber}"),
            ("\"account_id\": \"can_100030\"", $"\"account_id\": \"{Canary}\""),
            "$.data.cure_amount"),

        // A string id sent as a number.
        [WebhookProvider.Spinwheel] = new(
            DocumentedSamples.Get(WebhookProvider.Spinwheel, "USER_CONNECTION_STATUS"),
            ("\"userId\": \"4a8235be-3d6c-42cf-9add-5c8c648d411d\"", $"\"userId\": {DriftedNumber}"),
            ("\"description\": \"Auth successful\"", $"\"description\": \"{Canary}\""),
            "$.userId"),

        // A required amount sent as null.
        [WebhookProvider.Receeve] = new(
            DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1"),
            ("\"amount\": 501", "\"amount\": null"),
            ("\"accountReference\": \"PDN-922-Oct14-0001\"", $"\"accountReference\": \"{Canary}\""),
            "$.payload.details.amount"),
    };

    private DriftedBody(DocumentedSample sample, (string From, string To) drift, (string From, string To) canary, string jsonPath)
    {
        Sample = sample;
        Body = Encoding.UTF8.GetBytes(ReplaceOnce(ReplaceOnce(sample.BodyText, drift), canary));
        JsonPath = jsonPath;
    }

    /// <summary>The documented sample the body was made from.</summary>
    public DocumentedSample Sample { get; }

    public WebhookProvider Provider => Sample.Provider;

    public string EventType => Sample.EventType;

    /// <summary>The drifted body.</summary>
    public byte[] Body { get; }

    /// <summary>Where the drift is.</summary>
    public string JsonPath { get; }

    /// <summary>Every provider's drifted body; there must be one for each provider.</summary>
    public static DriftedBody For(WebhookProvider provider) =>
        ByProvider.TryGetValue(provider, out DriftedBody? body)
            ? body
            : throw new ArgumentOutOfRangeException(nameof(provider), provider, "No drifted body for this provider: add one.");

    /// <summary>A delivery of the drifted body with the host's secret (Spinwheel's route names the event type).</summary>
    public WebhookDelivery Delivery() =>
        DispatchTestHost.Delivery(Provider, Body, expectedEventType: DispatchTestHost.Delivery(Sample).ExpectedEventType);

    private static string ReplaceOnce(string text, (string From, string To) change)
    {
        int at = text.IndexOf(change.From, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(change.From, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The sample does not contain '{change.From}' exactly once; the drift would not be made.");
        }

        return string.Concat(text.AsSpan(0, at), change.To, text.AsSpan(at + change.From.Length));
    }
}
