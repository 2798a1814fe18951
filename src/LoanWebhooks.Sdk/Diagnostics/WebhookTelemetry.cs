using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace LoanWebhooks.Sdk.Diagnostics;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/> with the package
/// version, and every instrument the dispatcher records. Both come from <c>System.Diagnostics</c>: an app that
/// attaches no listener (OpenTelemetry or any other) pays one flag check per delivery.
/// </summary>
internal static class WebhookTelemetry
{
    /// <summary>The name of the activity source and the meter: what an app passes to <c>AddSource</c> and <c>AddMeter</c>.</summary>
    public const string Name = "LoanWebhooks.Sdk";

    /// <summary>The package version, without the source-control suffix the informational version carries.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "loanwebhooks.deliveries", "{delivery}", "Deliveries answered or processed, by provider, operation, event type and outcome.");

    public static readonly Histogram<double> DeliveryDuration = Meter.CreateHistogram<double>(
        "loanwebhooks.delivery.duration", "s", "Time from receipt to the result (including any wait in the background queue).");

    public static readonly Counter<long> VerificationFailures = Meter.CreateCounter<long>(
        "loanwebhooks.verification.failures", "{delivery}", "Deliveries the provider's verifier refused, by reason.");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "loanwebhooks.duplicates", "{delivery}", "Redeliveries of deliveries already processed; no handler ran.");

    public static readonly Counter<long> InProgressRefusals = Meter.CreateCounter<long>(
        "loanwebhooks.in_progress_refusals", "{delivery}", "Redeliveries refused because the same delivery was being processed.");

    public static readonly Counter<long> UnknownEventTypes = Meter.CreateCounter<long>(
        "loanwebhooks.unknown_event_types", "{delivery}", "Verified deliveries of an event type this SDK version does not know: schema drift.");

    public static readonly Counter<long> UnmappedMembers = Meter.CreateCounter<long>(
        "loanwebhooks.schema_drift.unmapped_members", "{member}", "Members of verified events that their schema does not describe (kept in ExtensionData), by event type and member.");

    public static readonly Counter<long> QuarantinedDeliveries = Meter.CreateCounter<long>(
        "loanwebhooks.quarantined_deliveries", "{delivery}", "Verified deliveries that did not fit their schema and went to the quarantine.");

    public static readonly Counter<long> IdempotencyStoreErrors = Meter.CreateCounter<long>(
        "loanwebhooks.idempotency_store.errors", "{error}", "Claims, completions and releases the idempotency store threw on.");

    /// <summary>True when a listener wants any of what a delivery's result records; false costs the dispatcher nothing more.</summary>
    public static bool IsObserved =>
        Source.HasListeners()
        || Deliveries.Enabled
        || DeliveryDuration.Enabled
        || VerificationFailures.Enabled
        || Duplicates.Enabled
        || InProgressRefusals.Enabled
        || QuarantinedDeliveries.Enabled;

    private static string ReadVersion()
    {
        Assembly assembly = typeof(WebhookTelemetry).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (version is null)
        {
            return "0.0.0";
        }

        int metadata = version.IndexOf('+', System.StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }
}
