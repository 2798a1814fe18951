using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using LoanWebhooks.Sdk.Events;
using StackExchange.Redis;

namespace LoanWebhooks.Sdk.Redis.ChaosWorker;

/// <summary>Records that it started, takes its time, then records that it completed: a kill in between shows as a start without a completion.</summary>
public sealed class CompletionRecordingHandler(IConnectionMultiplexer redis, CompletionRecords records) : IWebhookHandler<WebhookEvent>
{
    public async ValueTask HandleAsync(WebhookEvent webhookEvent, WebhookHandlerContext context, CancellationToken cancellationToken)
    {
        string id = context.IdempotencyKey.Value;
        if (records.InMemory is { } completions)
        {
            await Task.Delay(records.HandlerDelay, cancellationToken);
            completions.AddOrUpdate(id, 1, static (_, runs) => runs + 1);
            return;
        }

        IDatabase database = redis.GetDatabase();
        await database.HashIncrementAsync(records.StartedKey, id);
        await Task.Delay(records.HandlerDelay, cancellationToken);
        await database.HashIncrementAsync(records.CompletedKey, id);
    }
}
