namespace Drills.Orchestrator.Backups;

/// <summary>
/// Bounds the disk a long-running schedule uses: the snapshot archives of all but the newest finished runs
/// are deleted. Each run's baseline.json (the checksums and the manifest) stays, as evidence of what the
/// baseline was; a running or interrupted run keeps everything, since a rollback may still need it.
/// </summary>
internal static class SnapshotRetention
{
    /// <summary>Deletes the archives of finished runs not in <paramref name="keep"/>; returns how many runs lost theirs.</summary>
    public static int Prune(string snapshotsRoot, IReadOnlySet<string> keep, IReadOnlySet<string> running)
    {
        if (!Directory.Exists(snapshotsRoot))
        {
            return 0;
        }

        var pruned = 0;
        foreach (var folder in Directory.EnumerateDirectories(snapshotsRoot))
        {
            var runId = Path.GetFileName(folder);
            if (keep.Contains(runId) || running.Contains(runId))
            {
                continue;
            }

            var archives = Directory.GetFiles(folder, "*.tar");
            foreach (var archive in archives)
            {
                File.Delete(archive);
            }

            pruned += archives.Length > 0 ? 1 : 0;
        }

        return pruned;
    }
}
