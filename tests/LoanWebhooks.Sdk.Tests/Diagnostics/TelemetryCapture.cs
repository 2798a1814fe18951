using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using LoanWebhooks.Sdk.Diagnostics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Diagnostics;

/// <summary>Every activity the SDK stops and every measurement of each of its instruments, while it is alive.</summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WebhookTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
        Deliveries = new MetricCollector<long>(WebhookTelemetry.Deliveries);
        Duration = new MetricCollector<double>(WebhookTelemetry.DeliveryDuration);
        VerificationFailures = new MetricCollector<long>(WebhookTelemetry.VerificationFailures);
        Duplicates = new MetricCollector<long>(WebhookTelemetry.Duplicates);
        InProgressRefusals = new MetricCollector<long>(WebhookTelemetry.InProgressRefusals);
        UnknownEventTypes = new MetricCollector<long>(WebhookTelemetry.UnknownEventTypes);
        Quarantined = new MetricCollector<long>(WebhookTelemetry.QuarantinedDeliveries);
        StoreErrors = new MetricCollector<long>(WebhookTelemetry.IdempotencyStoreErrors);
    }

    public MetricCollector<long> Deliveries { get; }

    public MetricCollector<double> Duration { get; }

    public MetricCollector<long> VerificationFailures { get; }

    public MetricCollector<long> Duplicates { get; }

    public MetricCollector<long> InProgressRefusals { get; }

    public MetricCollector<long> UnknownEventTypes { get; }

    public MetricCollector<long> Quarantined { get; }

    public MetricCollector<long> StoreErrors { get; }

    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    public Activity Single(string operationName) => Assert.Single(Activities, a => a.OperationName == operationName);

    /// <summary>Every tag of every activity (and its events) and of every measurement, as text.</summary>
    public IEnumerable<string> AllTagText()
    {
        foreach (Activity activity in Activities)
        {
            yield return activity.OperationName + " " + activity.DisplayName + " " + activity.StatusDescription;
            foreach (var tag in activity.TagObjects)
            {
                yield return tag.Key + "=" + tag.Value;
            }

            foreach (var activityEvent in activity.Events)
            {
                yield return activityEvent.Name;
                foreach (var tag in activityEvent.Tags)
                {
                    yield return tag.Key + "=" + tag.Value;
                }
            }

            foreach (var baggage in activity.Baggage)
            {
                yield return baggage.Key + "=" + baggage.Value;
            }
        }

        var measurements = new IEnumerable<IReadOnlyDictionary<string, object?>>[]
        {
            Deliveries.GetMeasurementSnapshot().Select(m => m.Tags),
            Duration.GetMeasurementSnapshot().Select(m => m.Tags),
            VerificationFailures.GetMeasurementSnapshot().Select(m => m.Tags),
            Duplicates.GetMeasurementSnapshot().Select(m => m.Tags),
            InProgressRefusals.GetMeasurementSnapshot().Select(m => m.Tags),
            UnknownEventTypes.GetMeasurementSnapshot().Select(m => m.Tags),
            Quarantined.GetMeasurementSnapshot().Select(m => m.Tags),
            StoreErrors.GetMeasurementSnapshot().Select(m => m.Tags),
        };
        foreach (var tags in measurements.SelectMany(m => m))
        {
            foreach (var tag in tags)
            {
                yield return tag.Key + "=" + tag.Value;
            }
        }
    }

    public void Dispose()
    {
        _activities.Dispose();
        Deliveries.Dispose();
        Duration.Dispose();
        VerificationFailures.Dispose();
        Duplicates.Dispose();
        InProgressRefusals.Dispose();
        UnknownEventTypes.Dispose();
        Quarantined.Dispose();
        StoreErrors.Dispose();
    }
}
