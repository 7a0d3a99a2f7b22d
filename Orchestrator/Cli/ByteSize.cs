using static System.FormattableString;

namespace Drills.Orchestrator.Cli;

/// <summary>A size as people read it: bytes, KiB, MiB or GiB.</summary>
internal static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => Invariant($"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => Invariant($"{bytes / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => Invariant($"{bytes / (double)(1L << 10):0.#} KiB"),
        _ => Invariant($"{bytes} B"),
    };
}
