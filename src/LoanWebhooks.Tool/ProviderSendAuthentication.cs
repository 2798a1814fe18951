using System;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing.Signing;
using LoanWebhooks.Sdk.Testing.Simulation;

namespace LoanWebhooks.Tool;

/// <summary>How <c>loanwebhooks send</c> authenticates as one provider, and which credential flags that takes.</summary>
/// <param name="TakesSecret">Whether <c>--secret</c> applies (a signing secret, or the value of <c>--secret-header</c>).</param>
/// <param name="TakesSecretHeader">Whether <c>--secret-header</c> applies.</param>
/// <param name="TakesPrivateKey">Whether <c>--receeve-private-key</c> applies.</param>
/// <param name="Credentials">What to pass, for the error when a flag that does not apply was given.</param>
/// <param name="Configure">
/// Sets the simulator up from the flags (after any <c>--basic</c>); returns the receeve signer it made, which the
/// caller disposes, or null.
/// </param>
internal sealed record ProviderSendAuthentication(
    bool TakesSecret,
    bool TakesSecretHeader,
    bool TakesPrivateKey,
    string Credentials,
    Func<WebhookSimulator, WebhookProvider, SendCredentials, bool, ReceeveWebhookSigner?> Configure);
