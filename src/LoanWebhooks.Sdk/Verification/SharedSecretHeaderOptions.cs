using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>
/// Configures a <see cref="SharedSecretHeaderVerifier"/>: the header a provider sends and the secret values
/// it may carry.
/// </summary>
/// <remarks>
/// Fits providers that let you configure a custom header on each webhook, such as Spinwheel. The options
/// are read once, when the verifier is constructed; changing them afterwards has no effect on it.
/// </remarks>
public sealed class SharedSecretHeaderOptions
{
    /// <summary>Gets or sets the name of the header that carries the secret, for example <c>X-Webhook-Secret</c>.</summary>
    public string HeaderName { get; set; } = string.Empty;

    /// <summary>
    /// Gets the accepted secrets. Configure more than one while rotating: add the new secret, switch the
    /// provider over to it, then remove the old one.
    /// </summary>
    /// <remarks>
    /// Each secret must be printable ASCII without leading or trailing whitespace, because HTTP cannot carry
    /// anything else in a header value reliably.
    /// </remarks>
    public IList<string> Secrets { get; } = new List<string>();
}
