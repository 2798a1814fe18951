using System;
using System.Text;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Testing;

/// <summary>One sample webhook from a provider's documentation.</summary>
public sealed class DocumentedSample
{
    /// <summary>
    /// Creates a sample of a provider of your own, for its <see cref="Providers.ProviderTestProfile.Samples"/>: the
    /// body as the provider's documentation shows it.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="eventType">The event type the sample documents.</param>
    /// <param name="body">The body, as documented.</param>
    /// <exception cref="ArgumentException"><paramref name="eventType"/> or <paramref name="body"/> is null or empty.</exception>
    public DocumentedSample(WebhookProvider provider, string eventType, string body)
        : this(provider, Required(eventType, nameof(eventType)), Required(body, nameof(body)), body, DocumentedSampleOrigin.Verbatim)
    {
    }

    internal DocumentedSample(WebhookProvider provider, string eventType, string documentedText, string body, DocumentedSampleOrigin origin)
    {
        Provider = provider;
        EventType = eventType;
        DocumentedText = documentedText;
        BodyText = body;
        Body = Encoding.UTF8.GetBytes(body);
        Origin = origin;
    }

    /// <summary>The provider whose documentation shows the sample.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>The event type the sample documents (the SDK's canonical name for it).</summary>
    public string EventType { get; }

    /// <summary>
    /// The sample exactly as documented (for <see cref="DocumentedSampleOrigin.Expanded"/> samples, with its
    /// placeholders; for <see cref="DocumentedSampleOrigin.Prose"/> and <see cref="DocumentedSampleOrigin.Partial"/> samples,
/// which the docs do not show in full, the body we built).
    /// </summary>
    public string DocumentedText { get; }

    /// <summary>The body a provider would send: <see cref="DocumentedText"/> with any placeholders expanded.</summary>
    public string BodyText { get; }

    /// <summary><see cref="BodyText"/> as UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>How the body relates to the documentation.</summary>
    public DocumentedSampleOrigin Origin { get; }

    /// <summary>A stable name, e.g. <c>payitoff/borrower.delinquent</c>.</summary>
    public string Name => Provider.ToString().ToLowerInvariant() + "/" + EventType;

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static string Required(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }
}
