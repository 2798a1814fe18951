using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Redis.Tests.Inbox;

namespace LoanWebhooks.Sdk.Redis.Tests.Chaos;

/// <summary>
/// A provider that redelivers as Canopy documents it (the one published policy): 200 and 202 are delivered; 429, 5xx
/// and no answer are retried with exponential backoff (scaled from minutes to milliseconds); every other status sends
/// the event to its dead-letter queue without a retry.
/// </summary>
public sealed class SimulatedProvider(HttpClient client)
{
    private const int MaxAttempts = 16;
    private long _retryableAnswers;
    private long _slowestRetryableTicks;

    public ConcurrentDictionary<string, int> Delivered { get; } = new();

    public ConcurrentDictionary<string, int> DeadLettered { get; } = new();

    public ConcurrentBag<string> GaveUp { get; } = new();

    public long RetryableAnswers => Interlocked.Read(ref _retryableAnswers);

    /// <summary>The longest a retryable answer (or a failed connection) took: how fast an outage is reported.</summary>
    public TimeSpan SlowestRetryableAnswer => TimeSpan.FromTicks(Interlocked.Read(ref _slowestRetryableTicks));

    /// <summary>Delivers one event, trying the endpoints in turn (as a load balancer would), until it is delivered or dropped.</summary>
    public async Task DeliverAsync(string webhookId, Uri[] endpoints, int first)
    {
        byte[] body = SpinwheelBodies.LiabilitiesConnected(webhookId);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(25 * Math.Pow(2, Math.Min(attempt, 5))));
            }

            var request = new HttpRequestMessage(HttpMethod.Post, endpoints[(first + attempt) % endpoints.Length]) { Content = new ByteArrayContent(body) };
            request.Headers.Add(ChaosApp.SecretHeader, ChaosApp.Secret);
            var answering = Stopwatch.StartNew();
            int status;
            try
            {
                using HttpResponseMessage response = await client.SendAsync(request);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            if (status is 200 or 202)
            {
                Delivered[webhookId] = status;
                return;
            }

            if (status is not (0 or 429 or >= 500))
            {
                DeadLettered[webhookId] = status;
                return;
            }

            Interlocked.Increment(ref _retryableAnswers);
            long took = answering.Elapsed.Ticks;
            long slowest;
            while (took > (slowest = Interlocked.Read(ref _slowestRetryableTicks)) && Interlocked.CompareExchange(ref _slowestRetryableTicks, took, slowest) != slowest)
            {
            }
        }

        GaveUp.Add(webhookId);
    }
}
