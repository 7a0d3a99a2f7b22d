using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Bounds the disk a long-running schedule uses: the snapshot archives of older finished runs are deleted.
/// Each run's baseline.json (the checksums and the manifest) stays, as evidence of what the baseline was.
/// Only runs named in <c>prunable</c> are touched: a running run, one just starting, or one whose target
/// still needs repair by hand keeps everything, since a rollback may still need its archives.
/// </summary>
internal static class SnapshotRetention
{
    /// <summary>The runs of a system, newest first, whose archives may go: finished, past the newest <paramref name="keep"/>, and not awaiting repair.</summary>
    public static IEnumerable<string> Prunable(IEnumerable<RunRecord> newestFirst, string systemId, int keep) =>
        newestFirst
            .Where(r => r.SystemId == systemId && r.Outcome is RunOutcome.Passed or RunOutcome.Failed or RunOutcome.Aborted)
            .Skip(keep)
            .Where(r => !NeedsRepair(r))
            .Select(r => r.RunId);

    /// <summary>An abort or failure whose rollback did not complete: its archives are what a repair by hand starts from.</summary>
    private static bool NeedsRepair(RunRecord run) =>
        run.Outcome is RunOutcome.Aborted or RunOutcome.Failed && !run.RolledBack && !run.VerificationPassed;

    /// <summary>Deletes the archives of the given runs; returns how many runs lost theirs.</summary>
    public static int Prune(string snapshotsRoot, IEnumerable<string> prunable)
    {
        var pruned = 0;
        foreach (var runId in prunable)
        {
            var folder = Path.Combine(snapshotsRoot, runId);
            if (!Directory.Exists(folder))
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
