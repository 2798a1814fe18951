using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LoanWebhooks.Sdk.Events;
using LoanWebhooks.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LoanWebhooks.Sdk.AspNetCore.Tests;

/// <summary>Bodies over the provider's limit are refused with 413, without the server reading more than the limit.</summary>
public sealed class BodyLimitTests
{
    private const int Limit = 4096;

    private readonly ServerReads _serverReads = new();

    [Fact]
    public async Task A_declared_length_over_the_limit_is_answered_413_without_reading_the_body()
    {
        await using var app = await StartAsync();
        using var content = new StreamContent(new SpacesStream(Limit + 1));
        content.Headers.ContentLength = Limit + 1;

        using var response = await app.Client.PostAsync("/webhooks/payitoff", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, _serverReads.Bytes);
        Assert.Empty(app.Delivered.All);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_answered_413_after_reading_at_most_one_buffer_past_the_limit()
    {
        await using var app = await StartAsync();
        using var content = new StreamContent(new SpacesStream(Limit * 64), 512);

        using var response = await app.Client.PostAsync("/webhooks/payitoff", content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.InRange(_serverReads.Bytes, Limit + 1, 2 * Limit);
        Assert.Empty(app.Delivered.All);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_read_and_dispatched()
    {
        await using var app = await StartAsync();
        string json = DocumentedSamples.Get(WebhookProvider.Payitoff, "test").BodyText;
        byte[] padded = Encoding.UTF8.GetBytes(json + new string(' ', Limit - Encoding.UTF8.GetByteCount(json)));

        var result = await app.Simulator().SendAsync(WebhookProvider.Payitoff, padded);

        Assert.Equal(Limit, padded.Length);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Single(app.Delivered.All);
    }

    private Task<WebhookTestApp> StartAsync() =>
        WebhookTestApp.StartAsync(
            providers: b => b.AddPayitoff(o =>
            {
                o.UseBasicAuthentication(WebhookTestApp.PayitoffUser, WebhookTestApp.PayitoffPassword);
                o.Parsing.MaxBodyBytes = Limit;
            }),
            map: app =>
            {
                app.Use((context, next) =>
                {
                    context.Request.Body = new CountingReadStream(context.Request.Body, _serverReads);
                    return next(context);
                });
                app.MapLoanWebhooks("/webhooks/{provider}");
            });

    private sealed class ServerReads
    {
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Add(int count) => Interlocked.Add(ref _bytes, count);
    }

    /// <summary>The server's request body, counting what the endpoint reads from it.</summary>
    private sealed class CountingReadStream(Stream inner, ServerReads reads) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = inner.Read(buffer, offset, count);
            reads.Add(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int read = await inner.ReadAsync(buffer, cancellationToken);
            reads.Add(read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A client body of spaces of a given length, produced as it is sent.</summary>
    private sealed class SpacesStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
