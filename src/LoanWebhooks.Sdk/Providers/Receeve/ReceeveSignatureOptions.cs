using System;
using System.Collections.Generic;
using LoanWebhooks.Sdk.Verification;

namespace LoanWebhooks.Sdk.Receeve;

/// <summary>Configures a <see cref="ReceeveSignatureVerifier"/>.</summary>
/// <remarks>
/// The options are read once, when the verifier is constructed (at start-up); the keys are parsed then, and
/// changing the options afterwards has no effect on it.
/// </remarks>
public sealed class ReceeveSignatureOptions
{
    /// <summary>
    /// Gets the public keys receeve gave you, as PEM text: <c>-----BEGIN PUBLIC KEY-----</c> (RSA or EC) or
    /// <c>-----BEGIN RSA PUBLIC KEY-----</c>. A body signed by any of them verifies, so configure both while
    /// receeve rotates its key, then remove the old one.
    /// </summary>
    public IList<string> PublicKeys { get; } = new List<string>();

    /// <summary>
    /// Gets the paths of files that each hold one PEM public key, read once at start-up. Their keys are accepted
    /// together with <see cref="PublicKeys"/>.
    /// </summary>
    public IList<string> PublicKeyFiles { get; } = new List<string>();

    /// <summary>
    /// Gets or sets how old <c>payload.timestamp</c> may be, or <see langword="null"/> (the default) for no limit.
    /// </summary>
    /// <remarks>
    /// Off by default because a window would refuse genuine deliveries: receeve documents the timestamp as the time
    /// the payload was created, publishes no retry schedule, and does not say whether a retry is signed again with a
    /// new timestamp. A retry that keeps its original timestamp would be refused for good once it is older than
    /// the window. Replays of a captured request are answered by de-duplicating on <c>payload.messageId</c> (the
    /// event's <c>IdempotencyKey</c>), which the dispatcher does. Set a window only if receeve confirms that every
    /// delivery is signed afresh; then the timestamp is required, and a body without a readable one is refused.
    /// </remarks>
    public TimeSpan? MaximumAge { get; set; }

    /// <summary>
    /// Gets or sets how far in the future <c>payload.timestamp</c> may lie, to allow for clock differences between
    /// receeve and this host, or <see langword="null"/> (the default) for no limit. Off by default for the reasons
    /// given on <see cref="MaximumAge"/>; five minutes is a usual value when a window is wanted.
    /// </summary>
    public TimeSpan? AllowedClockSkew { get; set; }
}
