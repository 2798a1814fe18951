using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Parsing;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.DependencyInjection;

/// <summary>
/// Settings every provider has: how its requests are verified and how large a body may be. Each provider's
/// options add typed settings for the verification it documents. Every configured check must pass.
/// </summary>
/// <remarks>
/// <para>
/// A provider without any verifier fails at start-up (<c>ValidateOnStart</c>) with a message that says what to
/// configure, unless <see cref="AllowUnverifiedRequestsForDevelopmentOnly"/> was called.
/// </para>
/// <para>
/// For a provider of your own, derive a sealed class with a public parameterless constructor that passes the
/// generated identity (<c>: base(AcmeWebhooks.Provider)</c>), return the generated parser from
/// <see cref="CreateParser"/>, add verifiers from <see cref="AddConfiguredVerifiers"/> (or let users set
/// <see cref="Verifier"/>) and register it with <c>b.AddProvider&lt;AcmeWebhookOptions&gt;(o => …)</c>.
/// </para>
/// </remarks>
public abstract class WebhookProviderOptions
{
    private IWebhookVerifier? _builtVerifier;
    private bool _built;

    /// <summary>Starts the options of <paramref name="provider"/>.</summary>
    /// <param name="provider">The provider these options configure (the SDK's <c>WebhookProvider.Canopy</c>…, or your generated <c>AcmeWebhooks.Provider</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is <c>default</c>.</exception>
    protected WebhookProviderOptions(WebhookProvider provider)
    {
        if (provider == default)
        {
            throw new ArgumentException("Pass a named provider, such as the generated AcmeWebhooks.Provider.", nameof(provider));
        }

        Provider = provider;
#pragma warning disable CA2214 // The override returns a new instance and reads no state of the derived class (documented on the method).
        Responses = CreateDefaultResponses();
#pragma warning restore CA2214
    }

    /// <summary>A verifier of your own, checked in addition to the typed settings (e.g. an IP allowlist, or a verifier for a new scheme).</summary>
    public IWebhookVerifier? Verifier { get; set; }

    /// <summary>Body size and nesting limits. A body over <see cref="WebhookParserOptions.MaxBodyBytes"/> is answered with 413 before it is verified.</summary>
    public WebhookParserOptions Parsing { get; } = new();

    /// <summary>
    /// The HTTP status answered for each outcome. The defaults make this provider retry what should come again and
    /// never drop a delivery that is not processed or durably kept (see the README's delivery table for the provider).
    /// </summary>
    public WebhookResponseStatuses Responses { get; }

    /// <summary>
    /// What to answer for a verified delivery that does not fit its schema (default
    /// <see cref="WebhookSchemaDriftPolicy.Quarantine"/>). Under every policy the delivery is kept in the quarantine
    /// and handed to the schema-drift handlers.
    /// </summary>
    public WebhookSchemaDriftPolicy SchemaDrift { get; set; } = WebhookSchemaDriftPolicy.Quarantine;

    /// <summary>
    /// Whether a delivery that carries no provider id (every Payitoff delivery; Spinwheel's credit-profile events
    /// without <c>webhookId</c>) is deduplicated on a SHA-256 of its body. Off by default: two genuine events can have
    /// identical bodies (a connection interrupted, restored, interrupted again), so such deliveries run the handlers
    /// every time they arrive (at-least-once). On, identical bodies are one delivery for as long as the idempotency
    /// store remembers a completed key (24 hours by default), and a genuine repeat within that time is answered as a
    /// duplicate without running the handlers.
    /// </summary>
    public bool DeduplicatesIdenticalBodies { get; set; }

    /// <summary>The provider these options configure.</summary>
    public WebhookProvider Provider { get; }

    /// <summary>What to configure, named for this provider, for the start-up error when nothing verifies its requests (never a secret).</summary>
    protected internal virtual string VerificationHint => "o.Verifier = … (an IWebhookVerifier, e.g. an HmacSignatureHeaderVerifier)";

    /// <summary>How the start-up error names the call that enabled this provider.</summary>
    internal virtual string RegistrationCall => $"AddProvider<{GetType().Name}>";

    internal bool AllowsUnverifiedRequests { get; private set; }

    /// <summary>
    /// Accepts requests that nobody verified. Anyone who finds the URL can then post fake events, so this is for a
    /// local development loop only; a warning is logged at start-up and the ASP.NET Core endpoints refuse to start in
    /// the Production environment. Not bindable from configuration on purpose.
    /// </summary>
    public void AllowUnverifiedRequestsForDevelopmentOnly() => AllowsUnverifiedRequests = true;

    /// <summary>
    /// This provider's default statuses: what its public documentation says it retries and counts as delivered.
    /// Called by the base constructor, so an override must only create and return statuses (its own fields are not set yet).
    /// </summary>
    /// <returns>New statuses; the default answers any 2xx-friendly provider.</returns>
    protected virtual WebhookResponseStatuses CreateDefaultResponses() => new();

    /// <summary>Adds a verifier for each typed setting that is configured; <see cref="Verifier"/> is added after them. Called once, at start-up.</summary>
    /// <param name="verifiers">Where to add them.</param>
    /// <param name="timeProvider">The clock, for verifiers that check timestamps.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message must not contain a secret.</exception>
    protected virtual void AddConfiguredVerifiers(IList<IWebhookVerifier> verifiers, TimeProvider timeProvider)
    {
    }

    /// <summary>Creates this provider's parser (usually the generated <c>new AcmeWebhookParser(limits)</c>). Called once, when the dispatcher is built.</summary>
    /// <param name="limits">The body size and nesting limits of <see cref="Parsing"/>.</param>
    /// <returns>A parser for this provider's bodies, whose <see cref="IWebhookParser.Provider"/> is <see cref="Provider"/>.</returns>
    protected abstract IWebhookParser CreateParser(WebhookParserOptions limits);

    /// <summary>The parser with the configured limits, checked to read this provider's bodies.</summary>
    internal IWebhookParser BuildParser()
    {
        IWebhookParser parser = CreateParser(Parsing) ?? throw new InvalidOperationException($"{GetType().Name}.CreateParser returned null.");
        if (parser.Provider != Provider)
        {
            throw new InvalidOperationException($"{GetType().Name}.CreateParser returned a parser of {parser.Provider}, not of {Provider}.");
        }

        return parser;
    }

    /// <summary>The verifier for the configured settings, null when there is none; built (and cached) once, throwing <see cref="ArgumentException"/> for bad settings.</summary>
    internal IWebhookVerifier? BuildVerifier(TimeProvider timeProvider)
    {
        if (!_built)
        {
            var verifiers = new List<IWebhookVerifier>();
            AddConfiguredVerifiers(verifiers, timeProvider);
            if (Verifier is not null)
            {
                verifiers.Add(Verifier);
            }

            _builtVerifier = verifiers.Count switch
            {
                0 => null,
                1 => verifiers[0],
                _ => new CompositeWebhookVerifier(verifiers),
            };
            _built = true;
        }

        return _builtVerifier;
    }
}
