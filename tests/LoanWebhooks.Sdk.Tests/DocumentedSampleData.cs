using System;
using System.Linq;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests;

/// <summary>Theory data over the documented samples, by name (names show up readably in test results).</summary>
internal static class DocumentedSampleData
{
    public static TheoryData<string> Names(Func<DocumentedSample, bool>? filter = null)
    {
        var names = new TheoryData<string>();
        foreach (var sample in DocumentedSamples.All.Where(filter ?? (_ => true)))
        {
            names.Add(sample.Name);
        }

        return names;
    }

    public static DocumentedSample Sample(string name) => DocumentedSamples.All.Single(s => s.Name == name);

    /// <summary>Parses a provider's documented sample with its default parser.</summary>
    public static WebhookEvent Parse(WebhookProvider provider, string eventType) =>
        BuiltInWebhookParsers.Default(provider).Parse(DocumentedSamples.Get(provider, eventType).Body.Span);

    /// <summary>receeve's documented claim.created sample with another messageType.</summary>
    public static string ReceeveClaimCreatedWithMessageType(string messageType) =>
        DocumentedSamples.Get(WebhookProvider.Receeve, "event.claim.created.v1").BodyText
            .Replace("event.claim.created.v1", messageType, StringComparison.Ordinal);
}
