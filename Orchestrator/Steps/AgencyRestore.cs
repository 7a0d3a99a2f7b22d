using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Integrity;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static System.FormattableString;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// The restore-backup step: the drill's own baseline snapshot, or an agency backup (the newest taken before T0, or
/// one by id), checksum-verified before use. A copy that is gone or fails its checksum is refused, naming the backup;
/// with <c>fallback: next-intact</c> the step goes on to the offline copy of the same backup, then to older backups.
/// Whatever it used is recorded on the run.
/// </summary>
internal sealed class AgencyRestore(IContainerRuntime runtime, DataPaths data, IAgencyBackups backups)
{
    public const string OwnSnapshotNote = "restored from the drill's own snapshot, not from an agency backup";

    public async Task<string> RunAsync(RestoreBackupStep step, StepContext context, CancellationToken cancellationToken)
    {
        var system = context.Target.System;
        if (step.Source is BackupSource.Baseline || (step.Source is BackupSource.Latest && system.Backup is null))
        {
            return await BaselineAsync(step, context, cancellationToken);
        }

        var refusals = new List<string>();
        foreach (var (backup, copy) in Attempts(step, Candidates(step, context, system)))
        {
            VerifiedCopy verified;
            try
            {
                backups.Hold(backup, context.Run.RunId);
                verified = await backups.OpenAsync(backup, copy, runtime, context.Target.ContainerId, cancellationToken);
            }
            catch (BackupCorruptException ex) when (step.Fallback is BackupFallback.NextIntact)
            {
                refusals.Add(ex.Problem.TrimEnd('.'));
                continue;
            }

            using (verified)
            {
                var observation = system.Backup!.Method is BackupMethod.Exec
                    ? await ExecBackup.LoadAsync(runtime, context.Target.ContainerId, system, verified.Files[0], cancellationToken)
                    : await data.RestoreAsync(context.Target.ContainerId, new BaselineBackup(verified.Files, DataManifest.Empty), cancellationToken);
                var fallback = refusals.Count == 0 ? null : string.Join("; ", refusals);
                context.Run.AddRestored(new RestoredBackup(backup.Id, backup.TakenAtUtc, copy, fallback));
                return Invariant($"restored agency backup {backup.Id} (taken {backup.TakenAtUtc.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC) from its {copy} copy, checksums verified before use: {observation}") +
                       (fallback is null ? "" : $"; fell back to it because {fallback}");
            }
        }

        throw new BackupCorruptException(
            $"No intact backup of {system.Id} to restore: {string.Join("; ", refusals)}",
            $"take a new backup with drills backup {system.Id}, and find out what damaged the others");
    }

    private async Task<string> BaselineAsync(RestoreBackupStep step, StepContext context, CancellationToken cancellationToken)
    {
        if (context.Baseline.IsEmpty)
        {
            throw new StepFailedException("no baseline snapshot to restore: the system declares no data paths", "declare the system's data.paths in the catalogue, or restore with another step");
        }

        var observation = await data.RestoreAsync(context.Target.ContainerId, context.Baseline, cancellationToken);
        context.Run.AddRestored(new RestoredBackup(null, null, RestoredBackup.Baseline, null));
        return step.Source is BackupSource.Latest ? $"{OwnSnapshotNote} (the system declares no backup): {observation}" : observation;
    }

    /// <summary>The backups the step may use, newest first: for latest, those taken before T0 (one taken during the drill does not count).</summary>
    private List<AgencyBackup> Candidates(RestoreBackupStep step, StepContext context, SystemDefinition system)
    {
        var all = backups.List(system.Id);
        if (step.Source is BackupSource.Id)
        {
            var at = all.ToList().FindIndex(b => b.Id == step.BackupId);
            return at >= 0
                ? all.Skip(at).ToList()
                : throw new StepFailedException($"there is no backup {step.BackupId} of {system.Id}", $"list the backups with drills backups {system.Id} and name one of them, or restore 'latest'");
        }

        var t0 = context.Run.AttackStartedAtUtc ?? context.Clock.UtcAt(context.Clock.Elapsed);
        var before = all.Where(b => b.TakenAtUtc < t0).ToList();
        return before.Count > 0
            ? before
            : throw new StepFailedException(Invariant($"there is no agency backup of {system.Id} taken before the attack ({t0.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC)"),
                $"take one with drills backup {system.Id} before the drill (or give the system a backup schedule), or restore 'baseline'");
    }

    /// <summary>Without a fallback only the online copy of the first candidate; with one, each candidate's online then offline copy.</summary>
    private static IEnumerable<(AgencyBackup Backup, string Copy)> Attempts(RestoreBackupStep step, List<AgencyBackup> candidates)
    {
        yield return (candidates[0], RestoredBackup.Online);
        if (step.Fallback is not BackupFallback.NextIntact)
        {
            yield break;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (i > 0 && candidates[i].Copies.Contains(RestoredBackup.Online))
            {
                yield return (candidates[i], RestoredBackup.Online);
            }

            if (candidates[i].Copies.Contains(RestoredBackup.Offline))
            {
                yield return (candidates[i], RestoredBackup.Offline);
            }
        }
    }
}
