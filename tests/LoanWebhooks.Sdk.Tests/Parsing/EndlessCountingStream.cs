using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LoanWebhooks.Sdk.Tests.Parsing;

/// <summary>A body that never ends (spaces forever) and counts how many bytes its reader asked for and got, and how many reads asked for none.</summary>
internal sealed class EndlessCountingStream : Stream
{
    public long BytesRead { get; private set; }

    public int ZeroByteReads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Fills whatever it is given, as a fast network stream with a full receive buffer would.
        buffer.Fill((byte)' ');
        BytesRead += buffer.Length;
        ZeroByteReads += buffer.IsEmpty ? 1 : 0;
        return buffer.Length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
