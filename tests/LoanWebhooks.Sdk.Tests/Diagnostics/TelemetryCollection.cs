using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>
/// The SDK's activity source and meter are process-wide, so a listener sees every test's deliveries: the telemetry
/// tests run alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
