using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using LoanWebhooks.Sdk.DependencyInjection;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Simulation;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Testing.Providers;

/// <summary>
/// What a test needs to impersonate one provider: how to register it with test credentials, how to authenticate a
/// body as the provider does (headers added, or the body rewritten for signatures carried inside it), where it posts
/// and from which address, where its event type sits in the envelope, and its documented samples. The simulator,
/// the demo, the Native AOT smoke and every cross-provider test read these instead of switching on the provider.
/// </summary>
/// <remarks>
/// One profile per built-in provider ships in <see cref="ProviderTestProfiles"/>. For a provider of your own, derive
/// from this class and hand the profile to <see cref="WebhookSimulator.UseProfile"/>.
/// </remarks>
public abstract class ProviderTestProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="provider">The provider the profile impersonates.</param>
    /// <param name="eventTypePointer">
    /// The JSON Pointer to the event type in the provider's envelope, as its schema's <c>x-discriminator</c> says
    /// (e.g. <c>/event</c>).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="eventTypePointer"/> is not a JSON Pointer to a member.</exception>
    protected ProviderTestProfile(WebhookProvider provider, string eventTypePointer)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventTypePointer);
        if (eventTypePointer[0] != '/' || eventTypePointer.Length == 1)
        {
            throw new ArgumentException("The event type pointer must be a JSON Pointer to a member, e.g. /event.", nameof(eventTypePointer));
        }

        Provider = provider;
        EventTypePointer = eventTypePointer;
    }

    /// <summary>Gets the provider the profile impersonates.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>Gets the JSON Pointer to the event type in the provider's envelope (its schema's <c>x-discriminator</c>).</summary>
    public string EventTypePointer { get; }

    /// <summary>
    /// Gets where the provider posts, relative to the application: a path that may contain <c>{provider}</c> and
    /// <c>{eventType}</c>. <see cref="WebhookSimulator.DefaultPathTemplate"/> unless the provider subscribes one URL per
    /// event type.
    /// </summary>
    public virtual string PathTemplate => WebhookSimulator.DefaultPathTemplate;

    /// <summary>
    /// Gets the address the provider sends from, for verifiers that check it (the simulator forwards it in
    /// <c>X-Forwarded-For</c>), or <see langword="null"/> when the provider's address is not checked.
    /// </summary>
    public virtual IPAddress? SourceAddress => null;

    /// <summary>Gets the provider's documented samples: for a built-in provider, <see cref="DocumentedSamples.For"/>.</summary>
    public virtual IReadOnlyList<DocumentedSample> Samples => DocumentedSamples.For(Provider);

    /// <summary>Registers the provider configured only by <paramref name="configure"/>: no credentials, so nothing verifies it unless you add something.</summary>
    /// <param name="builder">The builder of <c>AddLoanWebhooks</c>.</param>
    /// <param name="configure">Configures the provider's options (configurations add up).</param>
    /// <returns>The builder.</returns>
    public abstract LoanWebhooksBuilder AddProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions> configure);

    /// <summary>
    /// Registers the provider verifying exactly what <see cref="Authenticate"/> sends, then applies
    /// <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The builder of <c>AddLoanWebhooks</c>.</param>
    /// <param name="configure">Further configuration of the provider's options, or <see langword="null"/>.</param>
    /// <returns>The builder.</returns>
    public abstract LoanWebhooksBuilder AddVerifiedProvider(LoanWebhooksBuilder builder, Action<WebhookProviderOptions>? configure = null);

    /// <summary>Authenticates a body as the provider does with the profile's credentials.</summary>
    /// <param name="body">The body before signing.</param>
    /// <returns>The body to send (rewritten when the signature travels inside it) and the headers to send with it.</returns>
    public abstract AuthenticatedWebhookRequest Authenticate(ReadOnlyMemory<byte> body);

    /// <summary>
    /// The event type the endpoint would know from the URL (<see cref="WebhookDelivery.ExpectedEventType"/>): the event
    /// type when <see cref="PathTemplate"/> names it, otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="eventType">The event type of the request, when known.</param>
    /// <returns>The expected event type, or <see langword="null"/>.</returns>
    public string? ExpectedEventTypeFor(string? eventType) =>
        PathTemplate.Contains("{eventType}", StringComparison.Ordinal) ? eventType : null;

    /// <summary>
    /// Builds the delivery the dispatcher would receive for a body the provider sent: authenticated, from
    /// <see cref="SourceAddress"/> (or loopback), with the event type the URL names.
    /// </summary>
    /// <param name="body">The body before signing.</param>
    /// <param name="eventType">The event type, for providers whose URL names it.</param>
    /// <returns>The delivery.</returns>
    public WebhookDelivery CreateDelivery(ReadOnlyMemory<byte> body, string? eventType = null)
    {
        AuthenticatedWebhookRequest request = Authenticate(body);
        var headers = new WebhookHeaders(request.Headers.Select(h => KeyValuePair.Create(h.Key, (string?)h.Value)));
        return new WebhookDelivery(Provider, request.Body, headers, SourceAddress ?? IPAddress.Loopback, ExpectedEventTypeFor(eventType));
    }

    /// <summary>Builds the delivery the dispatcher would receive for a documented sample.</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="ArgumentException">The sample is another provider's.</exception>
    public WebhookDelivery CreateDelivery(DocumentedSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!sample.Provider.Equals(Provider))
        {
            throw new ArgumentException($"The sample '{sample.Name}' is not a {Provider} sample.", nameof(sample));
        }

        return CreateDelivery(sample.Body, sample.EventType);
    }

    /// <inheritdoc/>
    public override string ToString() => Provider.ToString();
}
