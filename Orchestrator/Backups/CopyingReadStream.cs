using System.Security.Cryptography;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Reads a source and, as each chunk passes, writes it to a file and into a SHA-256: one pass over an
/// engine's archive stores the snapshot, checksums it and lets the manifest be read from it, holding no more
/// than a chunk. Errors writing the file leave as <see cref="SnapshotWriteException"/>, never as the source's.
/// </summary>
internal sealed class CopyingReadStream(Stream source, FileStream sink, IncrementalHash hash, string what) : ReadOnlyStream
{
    public long Copied { get; private set; }

    protected override long BytesRead => Copied;

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
            throw SnapshotWriteException.For(what, sink.Name, ex);
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
            throw SnapshotWriteException.For(what, sink.Name, ex);
        }

        Copied += read;
        return read;
    }
}
