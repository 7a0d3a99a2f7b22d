using System.Text;
using Docker.DotNet;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Docker;

/// <summary>
/// Reads an exec's multiplexed output to its end, keeping at most <see cref="OutputCut.MaxKeptBytes"/> of
/// each stream. The rest is read and dropped, never left unread: a command blocked on a full pipe would
/// hang the drill, and holding it all would let a target fill the orchestrator's memory.
/// </summary>
internal static class BoundedOutput
{
    private const int ChunkBytes = 81920;

    public static async Task<(Kept Stdout, Kept Stderr)> ReadAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        var stdout = new Kept();
        var stderr = new Kept();
        var buffer = new byte[ChunkBytes];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            if (read.EOF)
            {
                return (stdout, stderr);
            }

            (read.Target == MultiplexedStream.TargetStream.StandardError ? stderr : stdout).Add(buffer.AsSpan(0, read.Count));
        }
    }

    /// <summary>One stream: its first bytes, and how many there were in all.</summary>
    internal sealed class Kept
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _kept = new();

        public long TotalBytes { get; private set; }

        public void Add(ReadOnlySpan<byte> bytes)
        {
            TotalBytes += bytes.Length;
            var room = OutputCut.MaxKeptBytes - _kept.WrittenCount;
            if (room > 0)
            {
                System.Buffers.BuffersExtensions.Write(_kept, bytes[..Math.Min(room, bytes.Length)]);
            }
        }

        // A character split at the cut decodes as U+FFFD: the note says the text was cut there.
        public string Text => Encoding.UTF8.GetString(_kept.WrittenSpan);
    }
}
