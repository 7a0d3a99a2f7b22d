namespace Drills.Orchestrator.Docker;

/// <summary>
/// Reads an engine's archive stream and fails, naming the container and path, once more than the limit has
/// come through: the only way a container's data reaches drills, so none of it can grow without bound.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, string container, string path, ArchiveLimit limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    // An empty read is answered here: the engine's chunked response stream fails one made at its end.
    public override int Read(Span<byte> buffer) => buffer.IsEmpty ? 0 : Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        buffer.IsEmpty ? 0 : Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit.Bytes ? throw new ArchiveTooLargeException(container, path, limit) : read;
    }
}
