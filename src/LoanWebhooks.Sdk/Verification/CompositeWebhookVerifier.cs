using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Verifies a request with several verifiers, all of which must pass; for example a shared secret
/// together with an allowed source address.
/// </summary>
public sealed class CompositeWebhookVerifier : IWebhookVerifier
{
    private readonly IWebhookVerifier[] _verifiers;

    /// <summary>Creates a verifier that requires every one of <paramref name="verifiers"/> to pass.</summary>
    /// <param name="verifiers">The verifiers, run in this order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verifiers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="verifiers"/> is empty or contains <see langword="null"/>.</exception>
    public CompositeWebhookVerifier(params IWebhookVerifier[] verifiers)
        : this((IEnumerable<IWebhookVerifier>)verifiers)
    {
    }

    /// <summary>Creates a verifier that requires every one of <paramref name="verifiers"/> to pass.</summary>
    /// <param name="verifiers">The verifiers, run in this order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verifiers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="verifiers"/> is empty or contains <see langword="null"/>.</exception>
    public CompositeWebhookVerifier(IEnumerable<IWebhookVerifier> verifiers)
    {
        // Stryker disable once Statement : equivalent. Reading a null sequence below throws ArgumentNullException too; the guard states the contract up front.
        ArgumentNullException.ThrowIfNull(verifiers);

        IWebhookVerifier[] copy = verifiers.ToArray();

        // With nothing to check, "all passed" would accept every request.
        if (copy.Length == 0)
        {
            throw new ArgumentException(
                "A composite verifier needs at least one verifier; with none it would accept every request.",
                nameof(verifiers));
        }

        int nullIndex = Array.IndexOf(copy, null);
        if (nullIndex >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The verifier at index {nullIndex} is null."),
                nameof(verifiers));
        }

        _verifiers = copy;
    }

    /// <inheritdoc/>
    /// <remarks>Stops at, and returns, the first failure.</remarks>
    public WebhookVerificationResult Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        foreach (IWebhookVerifier verifier in _verifiers)
        {
            WebhookVerificationResult result = verifier.Verify(request);
            if (!result.IsVerified)
            {
                return result;
            }
        }

        return WebhookVerificationResult.Verified;
    }
}
