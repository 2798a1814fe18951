using System;
using LoanWebhooks.Sdk.Events;

namespace LoanWebhooks.Sdk.Dispatch;

/// <summary>
/// The HTTP status answered for each kind of outcome, per provider. Each provider's defaults are what makes that
/// provider do the right thing according to its public documentation: success only once the delivery is processed
/// or durably kept, and "try again later" as a status the provider retries. See the README's delivery tables.
/// </summary>
/// <remarks>
/// Change them in the provider's options (<c>b.AddCanopy(o => o.Responses.Unverified = 401)</c>); they are validated
/// at start-up: a success status must be 2xx (200 or 202 for Canopy, which treats any other as a failure), and a
/// status meant to make the provider retry must be one it retries (Canopy: 429 or 5xx).
/// </remarks>
public sealed class WebhookResponseStatuses
{
    private int _accepted = 200;
    private int _deferred = 202;
    private int _duplicate = 200;
    private int _retryLater = 503;
    private int _handlerFailed = 500;
    private int _unverified = 503;
    private int _bodyTooLarge = 413;
    private int _schemaDriftRejected = 400;
    private bool _frozen;

    /// <summary>Verified, parsed and handled (or unknown and kept as such). Default 200.</summary>
    public int Accepted
    {
        get => _accepted;
        set => _accepted = ThrowIfFrozen(value);
    }

    /// <summary>Verified, parsed and claimed; handlers run later from a background queue. Default 202.</summary>
    public int Deferred
    {
        get => _deferred;
        set => _deferred = ThrowIfFrozen(value);
    }

    /// <summary>A redelivery of a delivery that was processed already. Default 200.</summary>
    public int Duplicate
    {
        get => _duplicate;
        set => _duplicate = ThrowIfFrozen(value);
    }

    /// <summary>
    /// "Try again later": the same delivery is being processed right now, the idempotency or quarantine store is
    /// unreachable, a schema-drifted delivery could not be kept durably, or a background queue cannot take it. Must
    /// be a status the provider retries. Default 503.
    /// </summary>
    public int RetryLater
    {
        get => _retryLater;
        set => _retryLater = ThrowIfFrozen(value);
    }

    /// <summary>A handler threw; the claim is released so the provider's retry runs the handlers again. Default 500.</summary>
    public int HandlerFailed
    {
        get => _handlerFailed;
        set => _handlerFailed = ThrowIfFrozen(value);
    }

    /// <summary>
    /// The request failed verification (credential or signature missing or wrong, signed content mismatch, stale
    /// timestamp, source address not allowed). Default 503: in the normal case the request is not from the provider
    /// and no answer loses anything; when it is from the provider, our configuration is wrong (a rotated secret, a
    /// proxy), and only a status the provider retries keeps its delivery alive until that is fixed. Canopy pauses the
    /// whole subscription after one 401, and the other providers publish no rule for 4xx.
    /// </summary>
    public int Unverified
    {
        get => _unverified;
        set => _unverified = ThrowIfFrozen(value);
    }

    /// <summary>The body is larger than the provider's limit (checked before verification, so not known to be genuine). Default 413.</summary>
    public int BodyTooLarge
    {
        get => _bodyTooLarge;
        set => _bodyTooLarge = ThrowIfFrozen(value);
    }

    /// <summary>A verified body that does not fit its schema, under <see cref="WebhookSchemaDriftPolicy.Reject"/>. Default 400.</summary>
    public int SchemaDriftRejected
    {
        get => _schemaDriftRejected;
        set => _schemaDriftRejected = ThrowIfFrozen(value);
    }

    /// <summary>Whether the provider accepts any 2xx as success (false: only 200 and 202, as Canopy documents).</summary>
    internal bool AnySuccessStatus { get; init; } = true;

    /// <summary>Whether the provider retries every non-2xx status (false: only 429 and 5xx, as Canopy documents).</summary>
    internal bool RetriesOnlyTooManyRequestsAndServerErrors { get; init; }

    /// <summary>True once a dispatcher uses these statuses; then they can no longer be changed.</summary>
    public bool IsReadOnly => _frozen;

    /// <summary>A read-only copy, for a dispatcher: the options it came from stay changeable, the copy never changes.</summary>
    internal WebhookResponseStatuses FrozenCopy()
    {
        var copy = (WebhookResponseStatuses)MemberwiseClone();
        copy._frozen = true;
        return copy;
    }

    private int ThrowIfFrozen(int value) =>
        _frozen ? throw new InvalidOperationException("These response statuses are in use by a dispatcher and cannot change; set them in the provider's options.") : value;

    /// <summary>The first setting that would make <paramref name="provider"/> do the wrong thing, or null when all are right.</summary>
    internal string? FindProblem(WebhookProvider provider)
    {
        return SuccessProblem(nameof(Accepted), Accepted)
            ?? SuccessProblem(nameof(Deferred), Deferred)
            ?? SuccessProblem(nameof(Duplicate), Duplicate)
            ?? RetryProblem(nameof(RetryLater), RetryLater)
            ?? RetryProblem(nameof(HandlerFailed), HandlerFailed)
            ?? FailureProblem(nameof(Unverified), Unverified)
            ?? FailureProblem(nameof(BodyTooLarge), BodyTooLarge)
            ?? FailureProblem(nameof(SchemaDriftRejected), SchemaDriftRejected);

        string? SuccessProblem(string name, int status) =>
            AnySuccessStatus
                ? status is >= 200 and <= 299 ? null : $"Responses.{name} is {status}, but a success must be a 2xx status."
                : status is 200 or 202 ? null : $"Responses.{name} is {status}, but {provider} counts only 200 and 202 as delivered.";

        string? RetryProblem(string name, int status) =>
            RetriesOnlyTooManyRequestsAndServerErrors
                ? status is 429 or (>= 500 and <= 599) ? null : $"Responses.{name} is {status}, but {provider} retries only 429 and 5xx; any other status loses the delivery."
                : status is >= 400 and <= 599 ? null : $"Responses.{name} is {status}, but it must make the provider retry: use a 4xx or 5xx status (503 is retried by every sender).";

        static string? FailureProblem(string name, int status) =>
            status is >= 400 and <= 599 ? null : $"Responses.{name} is {status}, but a refusal must be a 4xx or 5xx status.";
    }
}
