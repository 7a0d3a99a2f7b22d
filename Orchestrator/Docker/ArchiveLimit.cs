namespace Drills.Orchestrator.Docker;

/// <summary>
/// The most drills reads of one archive out of a container, and what the user can do when a path holds more:
/// a container decides what its paths hold, so no read is left unbounded.
/// </summary>
internal readonly record struct ArchiveLimit(long Bytes, string Fix)
{
    /// <summary>Snapshots stream to disk, so their default is far above any one buffer: 64 GiB.</summary>
    public const long DefaultSnapshotBytes = 64L << 30;

    /// <summary>Reads held in memory whole (the ransomware step's tar): 1 GiB.</summary>
    public static ArchiveLimit InMemory { get; } = new(1L << 30, "point the step at a smaller folder; drills holds what this step reads in memory");

    public static string Size(long bytes) => bytes >= 1L << 30
        ? FormattableString.Invariant($"{bytes / (double)(1L << 30):0.#} GiB")
        : FormattableString.Invariant($"{bytes / (double)(1L << 20):0.#} MiB");
}
