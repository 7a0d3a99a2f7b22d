using System.Security.Cryptography;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Reads a source and, as each chunk passes, writes it to a file and into a SHA-256: one pass over an
/// engine's archive stores the snapshot, checksums it and lets the manifest be read from it, holding no more
/// than a chunk. Errors writing the file leave as <see cref="SnapshotWriteException"/>, never as the source's.
/// </summary>
internal sealed class CopyingReadStream(Stream source, FileStream sink, IncrementalHash hash, string dataPath) : Stream
{
    public long Copied { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Copied;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        hash.AppendData(buffer[..read]);
        try
        {
            sink.Write(buffer[..read]);
        }
        catch (IOException ex)
        {
            throw SnapshotWriteException.For(dataPath, sink.Name, ex);
        }

        Copied += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        hash.AppendData(buffer.Span[..read]);
        try
        {
            await sink.WriteAsync(buffer[..read], cancellationToken);
        }
        catch (IOException ex)
        {
            throw SnapshotWriteException.For(dataPath, sink.Name, ex);
        }

        Copied += read;
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
