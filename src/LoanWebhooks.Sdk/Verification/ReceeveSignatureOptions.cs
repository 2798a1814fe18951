using System;
using System.Collections.Generic;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>Configures a <see cref="ReceeveSignatureVerifier"/>.</summary>
/// <remarks>
/// The options are read once, when the verifier is constructed; changing them afterwards has no effect on it.
/// </remarks>
public sealed class ReceeveSignatureOptions
{
    /// <summary>
    /// Gets the accepted webhook secrets, used as HMAC keys in their UTF-8 encoding. Configure more than one
    /// while rotating: add the new secret, switch receeve over to it, then remove the old one.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>
    /// Gets or sets which bytes the signature covers. The default, <see cref="EmbeddedSignedContent.MemberValue"/>,
    /// is the exact bytes of <c>payload</c> as received: receeve documents <c>signature</c> as "for verifying
    /// the payload" without saying how <c>payload</c> is serialised, and the received bytes need no
    /// re-serialisation that could disagree with receeve's.
    /// </summary>
    public EmbeddedSignedContent SignedContent { get; set; } = EmbeddedSignedContent.MemberValue;

    /// <summary>
    /// Gets or sets how the signature is written. receeve does not document it; the default,
    /// <see cref="SignatureEncoding.Base64OrHex"/>, accepts both common forms, which cannot be confused with
    /// each other for a 32-byte signature.
    /// </summary>
    public SignatureEncoding Encoding { get; set; } = SignatureEncoding.Base64OrHex;

    /// <summary>
    /// Gets or sets how old <c>payload.timestamp</c> may be, or <see langword="null"/> to skip the timestamp check
    /// (then the timestamp is not required either). The default is one hour.
    /// </summary>
    /// <remarks>
    /// receeve documents the timestamp as the time the payload was created, not the time it was sent, and does not
    /// document its retry schedule. A retried delivery keeps its original timestamp, so a window as short as the
    /// five minutes common for send-time signatures would turn every retry after a short outage into a permanent
    /// rejection. One hour bounds how long a captured request can be replayed while surviving such outages;
    /// de-duplicate on <c>payload.messageId</c> (the event's <c>IdempotencyKey</c>) for replays within it.
    /// </remarks>
    public TimeSpan? MaximumAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how far in the future <c>payload.timestamp</c> may lie, to allow for clock differences
    /// between receeve and this host. The default is five minutes.
    /// </summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
