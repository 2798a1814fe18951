using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Canopy;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;

namespace LoanWebhooks.Sdk.Testing.Simulation;

/// <summary>
/// Sends correctly authenticated webhook requests, as each provider would, to your endpoint: any documented
/// sample or a body of your own, with the credentials you configured your endpoint with. Works with any
/// <see cref="HttpClient"/>, including the one <c>WebApplicationFactory</c> creates.
/// </summary>
/// <example>
/// <code>
/// var simulator = new WebhookSimulator(factory.CreateClient())
///     .UseBasicAuthentication(WebhookProvider.Payitoff, "payitoff", "s3cret")
///     .UseCanopySecret("canopy-secret")
///     .UseReceeveSigner(receeveSigner) // app configured with o.UsePublicKey(receeveSigner.PublicKeyPem)
///     .UseHeader(WebhookProvider.Spinwheel, "X-Spinwheel-Secret", "s3cret")
///     .UseForwardedFor(WebhookProvider.Spinwheel, IPAddress.Parse("44.232.30.137"));
/// WebhookSimulation result = await simulator.SendAsync(DocumentedSamples.Get(WebhookProvider.Payitoff, "loan.paid_off"));
/// </code>
/// </example>
public sealed class WebhookSimulator
{
    /// <summary>The path every provider posts to unless changed with <see cref="UsePath"/>.</summary>
    public const string DefaultPathTemplate = "/webhooks/{provider}";

    /// <summary>Spinwheel's default path: it subscribes one URL per event name.</summary>
    public const string DefaultSpinwheelPathTemplate = "/webhooks/spinwheel/{eventType}";

    private readonly HttpClient _client;
    private readonly Dictionary<WebhookProvider, ProviderSetup> _providers = new();

    /// <summary>Creates a simulator that sends through <paramref name="client"/> (relative paths resolve against its base address).</summary>
    /// <param name="client">The client; not disposed by the simulator.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public WebhookSimulator(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>Sends <c>Authorization: Basic</c> with these credentials, as a provider does for a URL registered as <c>https://user:password@host/…</c>.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UseBasicAuthentication(WebhookProvider provider, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        string token = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + password));
        return UseHeader(provider, "Authorization", "Basic " + token);
    }

    /// <summary>Sends a header with every request of the provider, e.g. a secret header configured on the subscription.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="name">The header name.</param>
    /// <param name="value">The header value.</param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UseHeader(WebhookProvider provider, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Setup(provider).Headers.Add(KeyValuePair.Create(name, value));
        return this;
    }

    /// <summary>Sends <c>X-Forwarded-For</c> with the address the provider sends from, for endpoints behind a proxy they trust.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="address">The provider's source address, e.g. one Spinwheel publishes.</param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UseForwardedFor(WebhookProvider provider, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return UseHeader(provider, "X-Forwarded-For", address.ToString());
    }

    /// <summary>Rewrites every body of the provider before it is sent, e.g. to sign it (Canopy and receeve sign inside the body).</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="sign">Returns the body to send; later signers see the output of earlier ones.</param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UseBodySigner(WebhookProvider provider, Func<ReadOnlyMemory<byte>, byte[]> sign)
    {
        ArgumentNullException.ThrowIfNull(sign);
        Setup(provider).Signers.Add(sign);
        return this;
    }

    /// <summary>Signs Canopy bodies (<c>hmac_signature</c> over <c>data</c>) with the webhook secret, as Canopy does.</summary>
    /// <param name="secret">The secret your endpoint's <c>CanopySignatureVerifier</c> accepts.</param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UseCanopySecret(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return UseBodySigner(WebhookProvider.Canopy, body => CanopyWebhookSigner.Sign(body.Span, secret));
    }

    /// <summary>
    /// Signs receeve bodies as receeve does: sets <c>payloadAsString</c> to the compact text of <c>payload</c> and
    /// <c>signature</c> to its signature by <paramref name="signer"/>'s private key. Configure your endpoint with
    /// <see cref="ReceeveWebhookSigner.PublicKeyPem"/>.
    /// </summary>
    /// <param name="signer">The signer; not disposed by the simulator, and used until the simulator is dropped.</param>
    /// <param name="timestampClock">
    /// When set, <c>payload.timestamp</c> is first re-dated to this clock's now, for endpoints that configured a
    /// timestamp window (the documented samples date from 2020–2022). When null, bodies keep their timestamps.
    /// </param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UseReceeveSigner(ReceeveWebhookSigner signer, TimeProvider? timestampClock = null)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return UseBodySigner(WebhookProvider.Receeve, body => signer.Sign(body.Span, timestampClock?.GetUtcNow()));
    }

    /// <summary>Changes where a provider's requests go.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="template">A path (or absolute URL) that may contain <c>{provider}</c> and <c>{eventType}</c>.</param>
    /// <returns>This simulator.</returns>
    public WebhookSimulator UsePath(WebhookProvider provider, string template)
    {
        ArgumentException.ThrowIfNullOrEmpty(template);
        Setup(provider).PathTemplate = template;
        return this;
    }

    /// <summary>The path a provider's request for an event type goes to.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="eventType">The event type, for templates with <c>{eventType}</c>.</param>
    /// <returns>The path.</returns>
    /// <exception cref="ArgumentException">The template needs an event type and none was given.</exception>
    public string PathFor(WebhookProvider provider, string? eventType)
    {
        string template = _providers.TryGetValue(provider, out ProviderSetup? setup) && setup.PathTemplate is not null
            ? setup.PathTemplate
            : provider == WebhookProvider.Spinwheel ? DefaultSpinwheelPathTemplate : DefaultPathTemplate;
        if (template.Contains("{eventType}", StringComparison.Ordinal) && string.IsNullOrEmpty(eventType))
        {
            throw new ArgumentException($"The {provider} path '{template}' names the event type, so the request needs one.", nameof(eventType));
        }

        return template
            .Replace("{provider}", provider.ToString().ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{eventType}", Uri.EscapeDataString(eventType ?? string.Empty), StringComparison.Ordinal);
    }

    /// <summary>Builds the request a provider would send for a documented sample.</summary>
    /// <param name="sample">The sample.</param>
    /// <returns>The request; the caller owns it.</returns>
    public HttpRequestMessage CreateRequest(DocumentedSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return CreateRequest(sample.Provider, sample.Body, sample.EventType);
    }

    /// <summary>Builds the request a provider would send for a body of your own (signed, with the configured headers).</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="body">The body before signing.</param>
    /// <param name="eventType">The event type, for paths that name it.</param>
    /// <returns>The request; the caller owns it.</returns>
    public HttpRequestMessage CreateRequest(WebhookProvider provider, ReadOnlyMemory<byte> body, string? eventType = null)
    {
        ProviderSetup setup = _providers.GetValueOrDefault(provider) ?? ProviderSetup.None;
        byte[] signed = body.ToArray();
        foreach (Func<ReadOnlyMemory<byte>, byte[]> sign in setup.Signers)
        {
            signed = sign(signed);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PathFor(provider, eventType), UriKind.RelativeOrAbsolute))
        {
            Content = new ByteArrayContent(signed),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (KeyValuePair<string, string> header in setup.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return request;
    }

    /// <summary>Sends a documented sample as its provider would.</summary>
    /// <param name="sample">The sample.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the endpoint answered.</returns>
    public Task<WebhookSimulation> SendAsync(DocumentedSample sample, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return SendAsync(sample.Provider, sample.Body, sample.EventType, cancellationToken);
    }

    /// <summary>Sends a body of your own as the provider would.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="body">The body before signing.</param>
    /// <param name="eventType">The event type, for paths that name it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>How the endpoint answered.</returns>
    public async Task<WebhookSimulation> SendAsync(WebhookProvider provider, ReadOnlyMemory<byte> body, string? eventType = null, CancellationToken cancellationToken = default)
    {
        using HttpRequestMessage request = CreateRequest(provider, body, eventType);
        string path = request.RequestUri!.OriginalString;
        using HttpResponseMessage response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new WebhookSimulation(provider, eventType, path, response.StatusCode, text);
    }

    /// <summary>Sends samples one after another, in order.</summary>
    /// <param name="samples">The samples, e.g. <see cref="DocumentedSamples.All"/>.</param>
    /// <param name="cancellationToken">Cancels the remaining requests.</param>
    /// <returns>One result per sample, in order.</returns>
    public async Task<IReadOnlyList<WebhookSimulation>> SendAllAsync(IEnumerable<DocumentedSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var results = new List<WebhookSimulation>();
        foreach (DocumentedSample sample in samples)
        {
            results.Add(await SendAsync(sample, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private ProviderSetup Setup(WebhookProvider provider)
    {
        if (provider == default)
        {
            throw new ArgumentException("default(WebhookProvider) names no provider.", nameof(provider));
        }

        if (!_providers.TryGetValue(provider, out ProviderSetup? setup))
        {
            setup = new ProviderSetup();
            _providers.Add(provider, setup);
        }

        return setup;
    }

    /// <summary>What is added to one provider's requests.</summary>
    private sealed class ProviderSetup
    {
        public static ProviderSetup None { get; } = new();

        public List<KeyValuePair<string, string>> Headers { get; } = new();

        public List<Func<ReadOnlyMemory<byte>, byte[]>> Signers { get; } = new();

        public string? PathTemplate { get; set; }
    }
}
