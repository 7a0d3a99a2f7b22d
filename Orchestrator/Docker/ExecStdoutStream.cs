using Docker.DotNet;

namespace Drills.Orchestrator.Docker;

/// <summary>
/// An exec's stdout as a plain stream, read as it arrives: stderr frames met on the way are kept (bounded, as
/// <see cref="BoundedOutput"/> keeps them) and skipped, so a dump can be streamed to disk while its errors are still said.
/// </summary>
internal sealed class ExecStdoutStream(MultiplexedStream exec) : ReadOnlyStream
{
    private readonly byte[] _buffer = new byte[81920];
    private long _read;

    public BoundedOutput.Kept Stderr { get; } = new();

    protected override long BytesRead => _read;

    public override int Read(Span<byte> buffer) =>
        throw new NotSupportedException("An exec's output is read asynchronously.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var read = await exec.ReadOutputAsync(_buffer, 0, Math.Min(_buffer.Length, buffer.Length), cancellationToken);
            if (read.EOF)
            {
                return 0;
            }

            if (read.Target == MultiplexedStream.TargetStream.StandardError)
            {
                Stderr.Add(_buffer.AsSpan(0, read.Count));
                continue;
            }

            _buffer.AsMemory(0, read.Count).CopyTo(buffer);
            _read += read.Count;
            return read.Count;
        }
    }
}
