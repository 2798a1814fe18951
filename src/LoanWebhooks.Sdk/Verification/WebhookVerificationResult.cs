using System;

namespace LoanWebhooks.Sdk.Verification;

/// <summary>The outcome of verifying a webhook request.</summary>
/// <remarks>
/// This is a class rather than a struct so that no zero-initialised instance can exist: a default
/// struct would have to read as either verified (unsafe) or as a failure with no reason (confusing).
/// </remarks>
public sealed class WebhookVerificationResult : IEquatable<WebhookVerificationResult>
{
    private WebhookVerificationResult(WebhookVerificationFailureReason reason, string? detail)
    {
        Reason = reason;
        Detail = detail;
    }

    /// <summary>Gets the result of a request that passed verification.</summary>
    public static WebhookVerificationResult Verified { get; } = new(WebhookVerificationFailureReason.None, null);

    /// <summary>Gets a value indicating whether the request passed verification.</summary>
    public bool IsVerified => Reason == WebhookVerificationFailureReason.None;

    /// <summary>Gets why the request failed, or <see cref="WebhookVerificationFailureReason.None"/> when it passed.</summary>
    public WebhookVerificationFailureReason Reason { get; }

    /// <summary>
    /// Gets a sentence for logs that explains the failure, or <see langword="null"/>. It never contains a
    /// configured secret nor the credential the request presented, so it is safe to log.
    /// </summary>
    public string? Detail { get; }

    /// <summary>Creates the result of a request that failed verification.</summary>
    /// <param name="reason">Why the request failed.</param>
    /// <param name="detail">
    /// A sentence for logs. It must not contain a secret or any credential taken from the request.
    /// </param>
    /// <returns>The failed result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="reason"/> is <see cref="WebhookVerificationFailureReason.None"/> or not a defined value.
    /// </exception>
    public static WebhookVerificationResult Failed(WebhookVerificationFailureReason reason, string? detail = null)
    {
        if (reason == WebhookVerificationFailureReason.None || !Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(
                nameof(reason),
                reason,
                "A failed result needs a failure reason other than None; use Verified for a request that passed.");
        }

        return new WebhookVerificationResult(reason, detail);
    }

    /// <summary>Determines whether two results are equal.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when both have the same reason and detail.</returns>
    public static bool operator ==(WebhookVerificationResult? left, WebhookVerificationResult? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Determines whether two results differ.</summary>
    /// <param name="left">The first result.</param>
    /// <param name="right">The second result.</param>
    /// <returns><see langword="true"/> when the reasons or details differ.</returns>
    public static bool operator !=(WebhookVerificationResult? left, WebhookVerificationResult? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(WebhookVerificationResult? other) =>
        other is not null
        && Reason == other.Reason
        && string.Equals(Detail, other.Detail, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WebhookVerificationResult);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Reason, Detail is null ? 0 : StringComparer.Ordinal.GetHashCode(Detail));

    /// <inheritdoc/>
    public override string ToString() =>
        IsVerified ? "Verified" : Detail is null ? $"Failed: {Reason}" : $"Failed: {Reason}. {Detail}";
}
