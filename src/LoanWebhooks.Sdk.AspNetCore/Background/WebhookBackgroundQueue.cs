using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Dispatch;
using Microsoft.Extensions.Options;

namespace LoanWebhooks.Sdk.AspNetCore.Background;

/// <summary>Admitted deliveries waiting for their handlers: a bounded in-process channel.</summary>
internal sealed class WebhookBackgroundQueue : IWebhookInbox
{
    private readonly Channel<WebhookAdmission> _channel;

    public WebhookBackgroundQueue(IOptions<WebhookBackgroundOptions> options)
    {
        _channel = Channel.CreateBounded<WebhookAdmission>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Value.MaxConcurrency == 1,
        });
    }

    public ChannelReader<WebhookAdmission> Reader => _channel.Reader;

    /// <summary>Queues an admission, waiting while the queue is full; false once the queue was closed for shutdown.</summary>
    public async ValueTask<bool> TryEnqueueAsync(WebhookAdmission admission, CancellationToken cancellationToken)
    {
        try
        {
            await _channel.Writer.WriteAsync(admission, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>Accepts nothing more; what is queued can still be read.</summary>
    public void Close() => _channel.Writer.TryComplete();
}
