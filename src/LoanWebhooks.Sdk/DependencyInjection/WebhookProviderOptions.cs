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
/// A provider without any verifier fails at start-up (<c>ValidateOnStart</c>) with a message that says what to
/// configure, unless <see cref="AllowUnverifiedRequestsForDevelopmentOnly"/> was called.
/// </remarks>
public abstract class WebhookProviderOptions
{
    private IWebhookVerifier? _builtVerifier;
    private bool _built;

    private protected WebhookProviderOptions()
    {
        Responses = CreateDefaultResponses();
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
    internal abstract WebhookProvider Provider { get; }

    /// <summary>What to configure, named for this provider, for the start-up error.</summary>
    internal abstract string VerificationHint { get; }

    internal bool AllowsUnverifiedRequests { get; private set; }

    /// <summary>
    /// Accepts requests that nobody verified. Anyone who finds the URL can then post fake events, so this is for a
    /// local development loop only; a warning is logged at start-up and the ASP.NET Core endpoints refuse to start in
    /// the Production environment. Not bindable from configuration on purpose.
    /// </summary>
    public void AllowUnverifiedRequestsForDevelopmentOnly() => AllowsUnverifiedRequests = true;

    /// <summary>This provider's default statuses: what its public documentation says it retries and counts as delivered.</summary>
    private protected virtual WebhookResponseStatuses CreateDefaultResponses() => new();

    /// <summary>Adds a verifier for each typed setting that is configured.</summary>
    private protected abstract void AddConfiguredVerifiers(List<IWebhookVerifier> verifiers, TimeProvider timeProvider);

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
