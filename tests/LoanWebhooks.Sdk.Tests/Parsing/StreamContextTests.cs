using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Payitoff;
using Xunit;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>
/// <c>ParseAsync</c> never resumes on its caller's <see cref="SynchronizationContext"/>: a host that blocks on it from a
/// single-threaded context (an old ASP.NET or UI thread calling <c>.Result</c>) would otherwise deadlock, because the
/// continuation waits for the very thread that is waiting for it.
/// </summary>
public sealed class StreamContextTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        "{\"event_type\":\"connectivity.interrupted\",\"data\":{\"borrower_id\":\"b-1\",\"servicer_id\":\"s-1\"}}");

    [Fact]
    public async Task ParseAsync_does_not_post_its_continuations_to_the_callers_synchronization_context()
    {
        var context = new PostCountingContext();
        SynchronizationContext? previous = SynchronizationContext.Current;
        ValueTask<PayitoffEvent> pending;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            pending = PayitoffWebhookParser.Default.ParseAsync(new AsynchronousStream(Body));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        Assert.False(pending.IsCompleted, "The stream did not complete its read asynchronously, so nothing was tested.");
        PayitoffEvent webhookEvent = await pending;

        Assert.Equal(Body, webhookEvent.RawJson.ToArray());
        Assert.Equal(0, context.Posts);
    }

    /// <summary>Runs what is posted on the thread pool, counting it.</summary>
    private sealed class PostCountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    /// <summary>A body whose every read completes later, on another thread, as a network read does.</summary>
    private sealed class AsynchronousStream(byte[] content) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            return Read(buffer.Span);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
