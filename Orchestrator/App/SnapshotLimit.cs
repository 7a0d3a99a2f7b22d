using System.Globalization;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.App;

/// <summary>
/// The largest archive of one data path a snapshot may hold: 64 GiB unless DRILLS_MAX_SNAPSHOT_GIB says
/// otherwise. Snapshots stream to disk, so the bound is the disk's, not memory's; it exists so a container
/// that grows without end cannot fill the data directory's disk.
/// </summary>
internal static class SnapshotLimit
{
    public const string Variable = "DRILLS_MAX_SNAPSHOT_GIB";

    public static long Bytes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ArchiveLimit.DefaultSnapshotBytes;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var gib) || gib <= 0 || gib > 1 << 20)
        {
            throw new CliException(ExitCodes.BadInput, $"{Variable}={value} is not a size in GiB.", $"set {Variable} to a positive number of GiB such as 128, or unset it for 64");
        }

        return (long)(gib * (1L << 30));
    }
}
