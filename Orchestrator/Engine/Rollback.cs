using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Steps;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Puts a target back to its baseline after an abort or a failed drill: container present and running,
/// data restored from the verified baseline snapshot, processes restarted hard (SIGKILL, then start) so
/// nothing still running can write stale state over the restored files, then checks confirmed.
/// Idempotent: running it twice leaves the same healthy system.
/// </summary>
internal sealed class Rollback
{
    private readonly IContainerRuntime _runtime;
    private readonly TargetGuard _guard;
    private readonly DataPaths _data;
    private readonly SteadyState _steady;
    private readonly AttackUndo _undo;

    public Rollback(IContainerRuntime runtime, TargetGuard guard, DataPaths data, SteadyState steady, AttackUndo undo)
    {
        (_runtime, _guard, _data, _steady, _undo) = (runtime, guard, data, steady, undo);
    }

    /// <summary>Returns true when the target passes every check again.</summary>
    /// <param name="runId">The run whose attack is undone: its trail and markers say what else it changed.</param>
    public async Task<bool> RunAsync(DrillTarget target, BaselineBackup baseline, string runId, DrillJournal journal, DrillClock clock, TimeSpan probeInterval,
        CancellationToken cancellationToken)
    {
        journal.Record(JournalMark.Rollback, "Rolling the target back to its baseline");
        await EnsureRunningAsync(target, journal, cancellationToken);
        // Each part is tried on its own: a network that cannot be reconnected must not keep the data from being restored.
        var undoFailed = false;
        try
        {
            foreach (var undone in await _undo.PutBackAsync(target.ContainerId, runId, cancellationToken))
            {
                journal.Record(JournalMark.Rollback, "Attack undone outside the data paths", undone);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            undoFailed = true;
            journal.Record(JournalMark.Rollback, "Attack NOT fully undone outside the data paths: the target may need manual repair", DrillsException.ProblemOf(ex));
        }

        try
        {
            var released = await _undo.ReleaseAsync(target.ContainerId, runId, cancellationToken);
            if (released.Killed.Count > 0 || released.FolderRemoved || !released.Clean)
            {
                journal.Record(JournalMark.Rollback, "Pressure released", released.Describe());
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            undoFailed = true;
            journal.Record(JournalMark.Rollback, "Pressure NOT released: its workers end by themselves when 'for' is over", DrillsException.ProblemOf(ex));
        }

        if (!baseline.IsEmpty)
        {
            var restored = await _data.RestoreAsync(target.ContainerId, baseline, cancellationToken);
            journal.Record(JournalMark.Rollback, "Data restored from the baseline snapshot", restored);
        }

        // A corrupted configuration is read again only by processes started after it was put back.
        if (!baseline.IsEmpty || _undo.CorruptedConfig(runId))
        {
            await RestartHardAsync(target, cancellationToken);
        }

        // Unbounded here: the caller's token carries the rollback's own time limit.
        await _steady.WaitHealthyAsync(target, clock, probeInterval, within: null, cancellationToken);

        var integrity = baseline.IsEmpty ? "no data paths" : await IntegrityAsync(target, baseline, cancellationToken);
        if (undoFailed)
        {
            journal.Record(JournalMark.Rollback, "Rollback incomplete: every check passes, but part of the attack could not be undone (see above)", integrity);
            return false;
        }

        journal.Record(JournalMark.Rollback, "Rollback complete: every check passes", integrity);
        return true;
    }

    /// <summary>SIGKILL, not a graceful stop: a graceful shutdown could flush stale in-memory state over the restored files.</summary>
    private async Task RestartHardAsync(DrillTarget target, CancellationToken cancellationToken)
    {
        var info = await _runtime.InspectAsync(target.ContainerId, cancellationToken);
        if (info.Status is ContainerStatus.Running)
        {
            await _runtime.KillAsync(target.ContainerId, "SIGKILL", cancellationToken);
        }

        await _runtime.StartAsync(target.ContainerId, cancellationToken);
    }

    private async Task<string> IntegrityAsync(DrillTarget target, BaselineBackup baseline, CancellationToken cancellationToken)
    {
        var manifest = await _data.ReadManifestAsync(target.ContainerId, target.System.Data.Paths, cancellationToken);
        var comparison = manifest.CompareTo(baseline.Manifest);
        // Read after the restart: a service rewrites some files as it starts (a database's control and WAL files),
        // so differences here are reported, not failed on; the data itself was restored from the verified snapshot.
        if (comparison.Matches)
        {
            return "integrity after rollback: " + comparison.Describe();
        }

        var note = comparison is { Added.Count: 0, Missing.Count: 0 }
            ? " (only changed files: a service rewrites some files when it starts, such as a database's control or WAL files)"
            : " (files added or missing: check the paths listed)";
        return "data restored from the checksum-verified baseline; read again after the restart: " + comparison.Describe() + note;
    }

    private async Task EnsureRunningAsync(DrillTarget target, DrillJournal journal, CancellationToken cancellationToken)
    {
        var info = await _guard.InspectAsync(target.System, cancellationToken);
        if (info is null)
        {
            target.ContainerId = await _guard.DeployAsync(target.System, cancellationToken);
            journal.Record(JournalMark.Rollback, "Container was gone: redeployed from its declared image");
            return;
        }

        target.ContainerId = info.Id;
        switch (info.Status)
        {
            case ContainerStatus.Paused:
                await _runtime.UnpauseAsync(info.Id, cancellationToken);
                journal.Record(JournalMark.Rollback, "Container unpaused");
                break;
            case not ContainerStatus.Running:
                await _runtime.StartAsync(info.Id, cancellationToken);
                journal.Record(JournalMark.Rollback, "Container started");
                break;
        }
    }
}
