using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Redis.ChaosWorker;
using LoanWebhooks.Sdk.Redis.Tests.Inbox;
using Xunit;

namespace LoanWebhooks.Sdk.Redis.Tests.Chaos;

/// <summary>The endpoint in front of the Redis inbox, over loopback HTTP.</summary>
[Collection(RedisCollection.Name)]
public sealed class InboxEndpointTests(RedisFixture redis)
{
    private readonly string _prefix = $"endpoint:{Guid.NewGuid():N}:";

    // A long command timeout: with no provider to retry, a slow first command on a busy machine must not answer 503.
    [Fact]
    public async Task A_full_inbox_answers_the_providers_retryable_503_and_releases_the_claim_so_the_redelivery_is_stored()
    {
        var records = new CompletionRecords(_prefix, TimeSpan.Zero);
        await using ChaosReceiver receiver = await ChaosReceiver.StartAsync(redis.Server.Port, _prefix, runWorkers: false, records, o => o.MaxLength = 1, commandTimeout: TimeSpan.FromSeconds(5));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync(http, receiver, "1669434136600-30"));

        HttpStatusCode refused = await PostAsync(http, receiver, "1669434136600-31");
        await redis.Database.KeyDeleteAsync(_prefix + "{inbox}");
        HttpStatusCode redelivered = await PostAsync(http, receiver, "1669434136600-31");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);
        Assert.Equal(HttpStatusCode.Accepted, redelivered);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, ChaosReceiver receiver, string webhookId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.WebhookUrl) { Content = new ByteArrayContent(SpinwheelBodies.LiabilitiesConnected(webhookId)) };
        request.Headers.Add(ChaosApp.SecretHeader, ChaosApp.Secret);
        using HttpResponseMessage response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
