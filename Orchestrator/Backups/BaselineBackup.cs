using Drills.Orchestrator.Integrity;

namespace Drills.Orchestrator.Backups;

/// <summary>What the drill captured of a system's data at baseline: the snapshots and their manifest.</summary>
internal sealed record BaselineBackup(IReadOnlyList<Snapshot> Snapshots, DataManifest Manifest)
{
    public static BaselineBackup None { get; } = new(Array.Empty<Snapshot>(), DataManifest.Empty);

    public bool IsEmpty => Snapshots.Count == 0;
}
