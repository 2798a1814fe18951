using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LoanWebhooks.Sdk.Benchmarks.Dispatch;

/// <summary>
/// What an app with OpenTelemetry attaches to the SDK, minus the exporter: an activity listener that samples and
/// records every activity of <c>LoanWebhooks.Sdk</c>, and a meter listener that enables every instrument of its
/// meter. The callbacks do nothing, so what is measured is the SDK's cost of being observed, not an exporter's.
/// </summary>
public sealed class TelemetryListeners : IDisposable
{
    private const string Name = "LoanWebhooks.Sdk";

    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TelemetryListeners()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = static _ => { },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = static (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<int>(static (_, _, _, _) => { });
        _meters.Start();
    }

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
