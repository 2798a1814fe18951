using System.Collections.Generic;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Spinwheel;

/// <summary>
/// Configures a <see cref="SpinwheelAuthenticityVerifier"/>: the source addresses Spinwheel sends from and the
/// custom headers you configured on the webhook.
/// </summary>
/// <remarks>
/// Both checks are on by default. Either can be switched off explicitly
/// (<see cref="VerifySourceAddress"/>, <see cref="VerifyHeaderSecrets"/>), but not both. The options are read
/// once, when the verifier is constructed; changing them afterwards has no effect on it.
/// </remarks>
public sealed class SpinwheelAuthenticityOptions
{
    /// <summary>
    /// Gets or sets the environment whose published addresses are allowed. The default is
    /// <see cref="SpinwheelEnvironment.Production"/>; a sandbox integration must say so.
    /// </summary>
    public SpinwheelEnvironment Environment { get; set; } = SpinwheelEnvironment.Production;

    /// <summary>Gets or sets a value indicating whether the request's source address is checked. The default is <see langword="true"/>.</summary>
    public bool VerifySourceAddress { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the addresses Spinwheel publishes for <see cref="Environment"/>
    /// are allowed. The default is <see langword="true"/>; set it to <see langword="false"/> to replace them with
    /// <see cref="AdditionalAllowedAddresses"/>, e.g. when Spinwheel announces new ones before this package knows them.
    /// </summary>
    public bool UsePublishedAddresses { get; set; } = true;

    /// <summary>Gets further allowed source addresses or CIDR ranges (<c>203.0.113.0/24</c>).</summary>
    public IList<string> AdditionalAllowedAddresses { get; } = new List<string>();

    /// <summary>
    /// Gets the reverse proxies whose <see cref="ForwardedForHeaderName"/> header is believed; empty (the default)
    /// ignores the header. See <see cref="SourceAddressOptions.TrustedProxies"/>.
    /// </summary>
    public IList<string> TrustedProxies { get; } = new List<string>();

    /// <summary>Gets or sets the header a trusted proxy appends the client address to. The default is <c>X-Forwarded-For</c>.</summary>
    public string ForwardedForHeaderName { get; set; } = SourceAddressVerifier.DefaultForwardedForHeaderName;

    /// <summary>
    /// Gets or sets a value indicating whether the custom headers in <see cref="Headers"/> are checked. The default
    /// is <see langword="true"/>, which requires at least one header.
    /// </summary>
    public bool VerifyHeaderSecrets { get; set; } = true;

    /// <summary>
    /// Gets the custom headers configured on the Spinwheel webhook, each with its accepted secrets (several while
    /// rotating). Every listed header must be present and match one of its secrets.
    /// </summary>
    public IList<SharedSecretHeaderOptions> Headers { get; } = new List<SharedSecretHeaderOptions>();
}
