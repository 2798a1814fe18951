using System;
using System.Runtime.CompilerServices;

namespace LoanWebhooks.Sdk.Idempotency;

/// <summary>The result of <see cref="IWebhookIdempotencyStore.ClaimAsync"/>: the status and, when claimed, the lease to hand back.</summary>
/// <remarks>
/// A value type, so a store that answers synchronously costs the dispatcher no allocation.
/// <c>default(WebhookIdempotencyClaim)</c> is not a claim (its status is not a defined value).
/// </remarks>
public readonly struct WebhookIdempotencyClaim
{
    /// <summary>Creates a claim result (for store implementations).</summary>
    /// <param name="key">The claimed key.</param>
    /// <param name="status">The store's answer.</param>
    /// <param name="leaseId">
    /// An opaque token that identifies this claim when <paramref name="status"/> is <see cref="WebhookClaimStatus.Claimed"/>,
    /// so that completing or releasing an expired lease cannot touch a newer claimant's; otherwise <see langword="null"/>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is default, a claimed result has no lease id, or an unclaimed result has one.</exception>
    public WebhookIdempotencyClaim(WebhookIdempotencyKey key, WebhookClaimStatus status, string? leaseId)
    {
        WebhookIdempotencyKey.ThrowIfDefault(key);
        // Not Enum.IsDefined: stores build a claim per delivery, and that lookup costs more than the rest of the claim.
        if (status is not (WebhookClaimStatus.Claimed or WebhookClaimStatus.AlreadyCompleted or WebhookClaimStatus.InProgress))
        {
            throw UndefinedStatus(status);
        }

        if ((status == WebhookClaimStatus.Claimed) == string.IsNullOrEmpty(leaseId))
        {
            throw new ArgumentException("A Claimed result needs a lease id; other results must not have one.", nameof(leaseId));
        }

        Key = key;
        Status = status;
        LeaseId = leaseId;
    }

    private WebhookIdempotencyClaim(WebhookIdempotencyKey key)
    {
        Key = key;
        Status = WebhookClaimStatus.Claimed;
        LeaseId = null;
    }

    /// <summary>The claimed key.</summary>
    public WebhookIdempotencyKey Key { get; }

    /// <summary>The store's answer.</summary>
    public WebhookClaimStatus Status { get; }

    /// <summary>Identifies the lease when <see cref="Status"/> is <see cref="WebhookClaimStatus.Claimed"/>.</summary>
    public string? LeaseId { get; }

    /// <summary>False for a claim the dispatcher granted itself without a store (a delivery it does not deduplicate).</summary>
    internal bool IsStored => LeaseId is not null;

    /// <summary>A claim that no store holds, for a delivery that is not deduplicated (Payitoff by default): nothing to complete or release.</summary>
    internal static WebhookIdempotencyClaim Unstored(WebhookIdempotencyKey key) => new(key);

    /// <inheritdoc/>
    public override string ToString() => $"{Status} {Key}";

    /// <summary>
    /// Throws unless <paramref name="claim"/> was granted (<see cref="WebhookClaimStatus.Claimed"/>): only such a claim
    /// can be completed or released (for store implementations, like <see cref="WebhookIdempotencyKey.ThrowIfDefault"/>).
    /// </summary>
    /// <param name="claim">The claim to check.</param>
    /// <param name="paramName">The parameter's name; filled in by the compiler.</param>
    /// <exception cref="ArgumentException">The claim's status is not <see cref="WebhookClaimStatus.Claimed"/> (including a default claim).</exception>
    public static void ThrowIfNotClaimed(WebhookIdempotencyClaim claim, [CallerArgumentExpression(nameof(claim))] string? paramName = null)
    {
        if (claim.Status != WebhookClaimStatus.Claimed)
        {
            throw new ArgumentException($"Only a Claimed claim can be completed or released; this one is {claim.Status}.", paramName);
        }
    }

    private static ArgumentException UndefinedStatus(WebhookClaimStatus status) =>
        new($"'{status}' is not a defined claim status.", nameof(status));
}
