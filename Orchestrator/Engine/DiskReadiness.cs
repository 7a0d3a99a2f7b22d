using System.Globalization;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// The gate's <c>disk</c> item: the snapshots folder has room for the baseline snapshot, estimated from the data
/// paths' size inside the container (<c>du -sk</c>) with a margin. A size that cannot be read passes with that said:
/// a snapshot that fills the disk still stops the drill before its attack.
/// </summary>
internal static class DiskReadiness
{
    public const string ItemKey = "disk";

    /// <summary>Kept free beyond the estimate: tar headers, the run's other files, the rest of the machine.</summary>
    private const long MarginBytes = 64L * 1024 * 1024;

    public static async Task<GateItem> CheckAsync(SystemDefinition system, IContainerRuntime runtime, string containerId, string snapshotsRoot,
        Func<string, long> freeBytes, CancellationToken cancellationToken)
    {
        if (system.Data.Paths.Count == 0)
        {
            return GateItem.Pass(ItemKey, "no data paths declared: no snapshot is taken");
        }

        var free = freeBytes(snapshotsRoot);
        var du = await runtime.ExecAsync(containerId, ["du", "-sk", "--", .. system.Data.Paths], cancellationToken);
        if (du.ExitCode != 0 || Kilobytes(du.Stdout) is not { } kib)
        {
            return GateItem.Pass(ItemKey, $"size of {string.Join(", ", system.Data.Paths)} not measured (du: exit {du.ExitCode}, {du.ShortOutput()}); {Size(free)} free for snapshots");
        }

        var size = kib * 1024;
        // The archive is about the files' size; a tenth more covers headers and what is written meanwhile.
        var needed = size + (size / 10) + MarginBytes;
        var seen = $"{string.Join(", ", system.Data.Paths)} hold {Size(size)}; {Size(free)} free in {snapshotsRoot}";
        return free >= needed
            ? GateItem.Pass(ItemKey, $"{seen} (a snapshot needs about {Size(needed)})")
            : GateItem.Fail(ItemKey, $"{seen}: a snapshot needs about {Size(needed)}",
                $"free space on the disk of {snapshotsRoot} (old run folders under snapshots/ can go), or move the data directory with --data-dir");
    }

    /// <summary>Free bytes on the disk holding <paramref name="path"/> (or its nearest existing parent).</summary>
    public static long FreeBytes(string path)
    {
        var existing = path;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { Length: > 0 } parent)
        {
            existing = parent;
        }

        return new DriveInfo(existing).AvailableFreeSpace;
    }

    private static long? Kilobytes(string output)
    {
        long total = 0;
        var any = false;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(line.Split('\t', ' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                return null;
            }

            total += kib;
            any = true;
        }

        return any ? total : null;
    }

    private static string Size(long bytes) => bytes >= 1024L * 1024 * 1024
        ? Invariant($"{bytes / (1024.0 * 1024 * 1024):0.0} GiB")
        : Invariant($"{bytes / (1024.0 * 1024):0.0} MiB");
}
