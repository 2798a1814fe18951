using System;
using System.Text.Json.Nodes;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;

namespace LoanWebhooks.Sdk.Tests.Canopy;

/// <summary>Canopy's documented samples, parsed or as editable JSON, for the Canopy tests.</summary>
internal static class CanopySamples
{
    public static TEvent Parse<TEvent>(string eventType)
        where TEvent : CanopyEvent =>
        (TEvent)DocumentedSampleData.Parse(WebhookProvider.Canopy, eventType);

    public static string Text(string eventType) => DocumentedSamples.Get(WebhookProvider.Canopy, eventType).BodyText;

    /// <summary>The sample as a mutable JSON tree (member order kept), to build variants of it.</summary>
    public static JsonObject Json(string eventType) => JsonNode.Parse(Text(eventType))!.AsObject();

    /// <summary>The documented sample with one exact piece of text replaced; fails if the text is not there.</summary>
    public static string TextWith(string eventType, string documented, string replacement)
    {
        string text = Text(eventType);
        if (!text.Contains(documented, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {eventType} sample does not contain {documented}.", nameof(documented));
        }

        return text.Replace(documented, replacement, StringComparison.Ordinal);
    }
}
