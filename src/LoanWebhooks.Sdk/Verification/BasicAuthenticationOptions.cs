using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Configures a <see cref="BasicAuthenticationVerifier"/>: the credentials a provider may present.</summary>
/// <remarks>
/// <para>
/// Fits providers that let you register only a webhook URL, such as Payitoff: register
/// <c>https://user:password@example.com/webhooks</c> and the provider's HTTP client sends
/// <c>Authorization: Basic base64(user:password)</c>. Prefer user names and passwords made of letters,
/// digits and <c>-._~</c>, which need no percent-encoding in a URL, so that nothing is lost or changed
/// between the URL and the header.
/// </para>
/// <para>
/// The options are read once, when the verifier is constructed; changing them afterwards has no effect on it.
/// </para>
/// </remarks>
public sealed class BasicAuthenticationOptions
{
    /// <summary>
    /// Gets the accepted credentials. Configure more than one while rotating: add the new credential, update
    /// the URL registered with the provider, then remove the old one.
    /// </summary>
    public IList<BasicAuthenticationCredential> Credentials { get; } = new List<BasicAuthenticationCredential>();
}
