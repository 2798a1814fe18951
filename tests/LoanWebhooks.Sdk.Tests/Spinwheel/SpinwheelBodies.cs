using System.Text.Json;
using System.Text.Json.Nodes;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Spinwheel;
using LoanWebhooks.Sdk.Testing;

namespace LoanWebhooks.Sdk.Tests.Spinwheel;

/// <summary>Spinwheel's documented samples, and variants of them with one member changed.</summary>
internal static class SpinwheelBodies
{
    // The samples keep the docs' // comments and trailing commas, which JsonNode must be told to skip.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The documented sample of <paramref name="eventType"/>, verbatim.</summary>
    public static string Sample(string eventType) => DocumentedSamples.Get(WebhookProvider.Spinwheel, eventType).BodyText;

    /// <summary>Parses the documented sample of <paramref name="eventType"/>, with no expected-type hint.</summary>
    public static SpinwheelEvent Parse(string eventType) => SpinwheelWebhookParser.Default.Parse(Sample(eventType));

    /// <summary>The sample with the top-level <paramref name="member"/> set to <paramref name="value"/> (null removes it).</summary>
    public static string With(string eventType, string member, JsonNode? value)
    {
        var body = JsonNode.Parse(Sample(eventType), documentOptions: DocumentOptions)!.AsObject();
        if (value is null)
        {
            body.Remove(member);
        }
        else
        {
            body[member] = value;
        }

        return body.ToJsonString();
    }

    /// <summary>The sample with the top-level <paramref name="member"/> set to JSON null.</summary>
    public static string WithNull(string eventType, string member)
    {
        var body = JsonNode.Parse(Sample(eventType), documentOptions: DocumentOptions)!.AsObject();
        body[member] = null;
        return body.ToJsonString();
    }

    /// <summary>The sample without its eventType member.</summary>
    public static string WithoutEventType(string eventType) => With(eventType, "eventType", null);
}
