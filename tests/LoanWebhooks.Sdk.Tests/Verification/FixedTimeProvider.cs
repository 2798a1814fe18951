using System;

namespace LoanWebhooks.Sdk.Tests.Verification;

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}
