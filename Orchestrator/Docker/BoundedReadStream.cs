namespace Drills.Orchestrator.Docker;

/// <summary>
/// Reads an engine's archive stream and fails, naming the container and path, once more than the limit has
/// come through: the only way a container's data reaches drills, so none of it can grow without bound.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, string container, string path, ArchiveLimit limit) : ReadOnlyStream
{
    private long _read;

    protected override long BytesRead => _read;

    // An empty read is answered here: the engine's chunked response stream fails one made at its end.
    public override int Read(Span<byte> buffer) => buffer.IsEmpty ? 0 : Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        buffer.IsEmpty ? 0 : Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        _read += read;
        return _read > limit.Bytes ? throw new ArchiveTooLargeException(container, path, limit) : read;
    }
}
