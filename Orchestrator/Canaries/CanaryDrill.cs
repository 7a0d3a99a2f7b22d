using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static System.FormattableString;

namespace Drills.Orchestrator.Canaries;

/// <summary>
/// The data-loss measurement of one drill: the canary writes from before the backup the drill will restore until
/// T0, and after a verified recovery the markers still present tell what was lost. A drill whose system declares no
/// canary is untouched by it.
/// </summary>
internal sealed class CanaryDrill
{
    /// <summary>The shortest wait for what is left of backup_before: a timer cannot wait less.</summary>
    private static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(1);

    /// <summary>How many intervals the canary writes before the backup is taken (or, with a scheduled backup, before T0): it writes one more marker, at the start.</summary>
    public const int LeadIntervals = 5;

    /// <summary>How long reading the markers back may take.</summary>
    public static TimeSpan ReadBound { get; } = TimeSpan.FromSeconds(60);

    private readonly DrillRun _run;
    private readonly DrillJournal _journal;
    private readonly IContainerRuntime _runtime;
    private readonly IAgencyBackups _backups;
    private CanaryWriter? _writer;
    private IReadOnlyList<CanaryWrite>? _writes;
    private string? _containerId;

    public CanaryDrill(DrillRun run, DrillJournal journal, IContainerRuntime runtime, IAgencyBackups backups)
    {
        (_run, _journal, _runtime, _backups) = (run, journal, runtime, backups);
    }

    private CanarySpec? Canary => _run.System.Canary;

    /// <summary>
    /// Between baseline and T0: starts the canary when the drill will restore an agency backup older than its attack,
    /// takes the scenario's <c>backup_before</c> backup (while the canary writes, when it does), and waits until the attack is due.
    /// </summary>
    public async Task BeforeAttackAsync(DrillTarget target, CancellationToken cancellationToken)
    {
        var plan = Canary is null ? default : await PlanAsync(target, cancellationToken);
        if (plan.Measured)
        {
            Start(target, Canary!, cancellationToken);
        }

        try
        {
            if (_writer is not null)
            {
                // Half an interval off the writer's slots: the backup (or T0) never falls on the instant a marker is written.
                await _run.Clock.DelayAsync(Canary!.Interval * (LeadIntervals + 0.5), cancellationToken);
            }

            if (_run.Scenario.BackupBefore is { } before)
            {
                var backup = await TakeBackupAsync(target, cancellationToken);
                _journal.Record(JournalMark.Note, $"Backup {backup.Id} taken at {backup.TakenAtUtc:O}, {DurationText.Format(before)} before the attack (backup_before)",
                    _writer is null ? null : $"{_writer.Writes.Count} canary markers written so far; the canary keeps writing until T0");
                await WaitUntilAsync(backup.TakenAtUtc + before, cancellationToken);
            }
            else if (plan.Scheduled is { } scheduled)
            {
                _journal.Record(JournalMark.Note, $"Latest agency backup {scheduled.Id} taken at {scheduled.TakenAtUtc:O}: every canary marker comes after it");
            }
        }
        catch when (_writer is not null)
        {
            _writes = await _writer.StopAsync();
            throw;
        }
    }

    private void Start(DrillTarget target, CanarySpec canary, CancellationToken cancellationToken)
    {
        _containerId = target.ContainerId;
        _writer = new CanaryWriter(_runtime, target.ContainerId, canary, _run.RunId, _run.Clock);
        _run.CanaryWrote = true;
        _writer.Start(cancellationToken);
        _journal.Record(JournalMark.Note, $"Canary started: a marker every {DurationText.Format(canary.Interval)} until the attack",
            $"markers {CanaryWriter.MarkerFor(_run.RunId, 1)}, {CanaryWriter.MarkerFor(_run.RunId, 2)}, …; each write's time and result is recorded");
    }

    /// <summary>At T0, before the attack's first step: no marker is written once the attack begins.</summary>
    public async Task StopAsync()
    {
        if (_writer is not null && _writes is null)
        {
            _writes = await _writer.StopAsync();
        }
    }

    /// <summary>Journals how many markers the canary wrote before it stopped at T0.</summary>
    public void RecordStopped()
    {
        if (_writes is not { } writes)
        {
            return;
        }

        var failed = writes.Where(w => !w.Succeeded).ToArray();
        _journal.Record(JournalMark.Note, $"Canary stopped at T0: {writes.Count - failed.Length} markers written" + (failed.Length > 0 ? $", {failed.Length} writes failed" : ""),
            (failed.Length > 0 ? $"first failure: {failed[0].Failure}" : "every write succeeded") +
            (_writer!.Capped ? $"; the canary stopped at its limit of {CanaryWriter.MaxMarkers} markers before T0" : ""));
    }

    /// <summary>Says the loss was not measured when the drill ended without a verified recovery.</summary>
    public void NotRecovered()
    {
        if (_writes is not null)
        {
            _journal.Record(JournalMark.Note, "Data loss not measured: the system was not verified recovered");
        }
    }

    /// <summary>After a verified recovery: reads the markers back and records the data lost against the backup actually restored.</summary>
    public async Task AfterRecoveryAsync(CancellationToken cancellationToken)
    {
        if (_writes is not { } writes || Canary is not { } canary)
        {
            return;
        }

        if (_run.RestoredFrom.Count == 0)
        {
            _journal.Record(JournalMark.Note, "Data loss not measured: no restore-backup step restored a backup");
            return;
        }

        if (_run.RestoredFrom is not [.., { BackupId: not null, TakenAtUtc: { } takenAt } restored])
        {
            _journal.Record(JournalMark.Note, "Data loss not measured: the drill restored its own baseline snapshot, not an agency backup",
                "the baseline was taken before the canary started, so every marker would look lost; an agency would not have that snapshot");
            return;
        }

        var attackAt = _run.Clock.UtcAt(_run.AttackStartedAt!.Value);
        if (takenAt > attackAt)
        {
            _journal.Record(JournalMark.Note, $"Data loss not measured: backup {restored.BackupId} was taken at {takenAt:O}, after the attack began");
            return;
        }

        if (await ReadAsync(canary, cancellationToken) is not { } output)
        {
            return;
        }

        var loss = DataLossMeasure.Compute(writes, CanaryReadout.Present(output, writes.Select(w => w.Marker)), restored.BackupId, takenAt, attackAt, _run.System.RpoTarget);
        _run.DataLoss = loss;
        RecordResult(loss);
    }

    /// <summary>Whether the drill can measure data loss (journaled when not), and the scheduled backup it measures against without backup_before.</summary>
    private async Task<(bool Measured, AgencyBackup? Scheduled)> PlanAsync(DrillTarget target, CancellationToken cancellationToken)
    {
        var restoresBackup = _run.Scenario.Restore.OfType<RestoreBackupStep>().Any(s => s.Source is not BackupSource.Baseline);
        if (!restoresBackup || _run.System.Backup is null)
        {
            _journal.Record(JournalMark.Note, "Data loss not measured: the scenario restores no agency backup",
                "a canary measures loss against an agency backup (the system's backup, restored with restore-backup latest or an id)");
            return (false, null);
        }

        if (_run.Scenario.BackupBefore is not null)
        {
            return (true, null);
        }

        var newest = await _backups.NewestIntactAsync(_run.System, _runtime, target.ContainerId, cancellationToken);
        if (newest is null)
        {
            _journal.Record(JournalMark.Note, "Data loss not measured: the system has no intact agency backup older than the attack",
                "take one (drills backup SYSTEM or the backup schedule), or set backup_before in the scenario");
        }

        return (newest is not null, newest);
    }

    private async Task<AgencyBackup> TakeBackupAsync(DrillTarget target, CancellationToken cancellationToken)
    {
        try
        {
            return await _backups.TakeAsync(_run.System, _runtime, target.ContainerId, _run.RunId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new BackupBeforeAttackException($"the backup of {_run.System.Id} that backup_before asks for could not be taken: {ex.Message}",
                $"check the system's backup with: drills backup {_run.System.Id}", ex);
        }
    }

    /// <summary>The read command's stdout, or null (journaled) when it cannot tell which markers are present.</summary>
    private async Task<string?> ReadAsync(CanarySpec canary, CancellationToken cancellationToken)
    {
        using var bound = new CancellationTokenSource(ReadBound, _run.Clock.Provider);
        using var token = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bound.Token);
        string? failure;
        ExecResult? result = null;
        try
        {
            result = await _runtime.ExecAsync(_containerId!, canary.Read, token.Token);
            failure = !result.Succeeded ? $"it ended with exit {result.ExitCode}: {result.ShortOutput()}"
                : result.StdoutBytes > Scenarios.Text.OutputCut.MaxKeptBytes ? $"its output was cut{result.CutNote}, so markers past the cut would look lost"
                : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"it gave no answer within {DurationText.Format(ReadBound)}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = DrillsException.ProblemOf(ex);
        }

        if (failure is not null)
        {
            _journal.Record(JournalMark.Note, "Data loss not measured: the canary read failed", failure);
            return null;
        }

        return result!.Stdout;
    }

    private void RecordResult(DataLoss loss)
    {
        var rpo = _run.System.RpoTarget is { } target
            ? $" against rpo_target {DurationText.Format(target)}: {(loss.MetRpo == true ? "met" : "MISSED")}"
            : " (no rpo_target declared)";
        _journal.Record(JournalMark.Note,
            Invariant($"Data loss: {loss.MarkersLost} of {loss.MarkersWritten} canary records lost; loss window {loss.LossWindowSeconds:0.000} s (backup {loss.BackupId} to T0){rpo}"),
            Invariant($"{loss.MarkersPresent} present after recovery") +
            (loss.LostFromUtc is { } from ? $", lost from {from:O} to {loss.LostToUtc:O}" : "") +
            (loss.BackupDefects > 0 ? $"; {loss.BackupDefects} markers written before the backup are missing too (a backup defect, not counted as loss)" : "") +
            (loss.WritesFailed > 0 ? $"; {loss.WritesFailed} writes failed and are not counted" : ""));
        if (loss.MarkersPresent > 0)
        {
            _journal.Record(JournalMark.Note, $"{loss.MarkersPresent} canary records drills wrote remain in the system",
                $"they came back with backup {loss.BackupId}; each holds a marker starting {_run.RunId}- and can be deleted by it");
        }
    }

    private DateTimeOffset Now => _run.Clock.UtcAt(_run.Clock.Elapsed);

    /// <summary>
    /// Waits until the drill clock reaches <paramref name="due"/>. A timer can fire a moment early, and the backup's
    /// taken-at comes from the wall clock: waiting again for what is left keeps the loss window at least backup_before.
    /// </summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        while (due - Now is { Ticks: > 0 } left)
        {
            await _run.Clock.DelayAsync(left < MinWait ? MinWait : left, cancellationToken);
        }
    }

}
