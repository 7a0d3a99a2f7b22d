using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Recovery of one run that a crash left "running": the journal goes on where it stopped, the target is
/// rolled back with the snapshots the run took at baseline, and the run ends aborted with its reason.
/// </summary>
internal sealed class InterruptedRun(IRunStore store, TargetGuard guard, Rollback rollback, SnapshotStore snapshots,
    TimeProvider time, DrillOptions options, ILogger log)
{
    public const string Reason = "orchestrator restarted";

    /// <summary>
    /// Returns the run closed as aborted, or still running when its rollback could not complete now: a
    /// target is never marked done while it may still be attacked, and the next start tries again.
    /// </summary>
    public async Task<RunRecord> RecoverAsync(DrillCatalogue catalogue, RunRecord run, IProgress<JournalEvent>? progress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = new DrillClock(time, run.StartedAtUtc);
        var journal = new DrillJournal(clock, store.JournalFor(run.RunId), progress, run.Journal);
        var owner = run.Owner is { } o ? $"process {o.ProcessId} on {o.Host}" : "its process";
        journal.Record(JournalMark.Note, $"Recovering an interrupted run: {owner} stopped mid-drill",
            $"recovery by process {RunOwners.Current.ProcessId} at start-up");
        log.Warning("Run {RunId} of {Scenario} was interrupted by a crash; recovering", run.RunId, run.ScenarioId);

        // The baseline file is written just before T0, so it proves an attack may have begun even if the
        // journal row saying so was lost with the crash.
        var baseline = snapshots.LoadBaseline(run.RunId);
        var rolledBack = false;
        if (baseline is null && !run.Journal.Any(e => e.Mark == JournalMark.AttackStart))
        {
            journal.Record(JournalMark.Note, "The attack had not started: nothing to roll back");
        }
        else if (RefuseRollback(catalogue, run) is { } refusal)
        {
            journal.Record(JournalMark.Rollback, refusal);
        }
        else if (await RollBackAsync(catalogue.Systems[run.SystemId], catalogue, run, baseline, journal, clock))
        {
            rolledBack = true;
        }
        else
        {
            journal.Record(JournalMark.Note, "The run stays open: the next start of drills serve tries the rollback again");
            return run with { Journal = journal.Events };
        }

        journal.Record(JournalMark.Aborted, $"Aborted: {Reason}");
        journal.Record(JournalMark.Finished, $"Drill finished: {RunOutcome.Aborted}");
        // The engine fills impact in only when a drill ends; after a crash the journal is where it was seen.
        var attackAt = run.Journal.FirstOrDefault(e => e.Mark == JournalMark.AttackStart)?.Elapsed;
        var impactAt = run.Journal.FirstOrDefault(e => e.Mark == JournalMark.Impact)?.Elapsed;
        var record = run with
        {
            ImpactObserved = impactAt is not null,
            TimeToImpact = impactAt - attackAt,
            Outcome = RunOutcome.Aborted,
            AbortReason = Reason,
            RolledBack = rolledBack,
            EndedAtUtc = clock.UtcAt(clock.Elapsed),
            Journal = journal.Events,
        };
        store.Complete(record);
        return record;
    }

    /// <summary>Why rolling back could touch the wrong container, or null when it is safe.</summary>
    private static string? RefuseRollback(DrillCatalogue catalogue, RunRecord run)
    {
        if (!catalogue.Systems.TryGetValue(run.SystemId, out var system))
        {
            return $"Rollback NOT possible: system {run.SystemId} is no longer in the catalogue; repair {run.ContainerName} by hand";
        }

        return system.Container.Name == run.ContainerName
            ? null
            : $"Rollback NOT possible: system {run.SystemId} is now declared as container {system.Container.Name}, not {run.ContainerName} which was drilled; repair {run.ContainerName} by hand";
    }

    private async Task<bool> RollBackAsync(SystemDefinition system, DrillCatalogue catalogue, RunRecord run, BaselineBackup? baseline,
        DrillJournal journal, DrillClock clock)
    {
        if (baseline is null)
        {
            journal.Record(JournalMark.Note, "No baseline snapshot was recorded: the container is restarted and checked, its data is not restored");
        }

        var limits = LimitsOf(catalogue, run);
        // Its own bound on the drill's clock, not the caller's token: a stop during start-up must not cut a rollback short.
        using var bound = new CancellationTokenSource(limits.RollbackTimeout, time);
        try
        {
            var info = await guard.InspectAsync(system, bound.Token);
            var target = new DrillTarget(system, info?.Id ?? "", createdByDrill: false);
            return await rollback.RunAsync(target, baseline ?? BaselineBackup.None, journal, clock, limits.ProbeInterval, bound.Token);
        }
        catch (Exception ex)
        {
            log.Warning(ex, "Rollback of interrupted run {RunId} did not complete: {Error}", run.RunId, ex.Message);
            journal.Record(JournalMark.Rollback, "Rollback did NOT complete", ex.Message);
            return false;
        }
    }

    /// <summary>The bounds the run was drilled with; a run recorded before they were kept falls back to today's catalogue and options.</summary>
    private RunLimits LimitsOf(DrillCatalogue catalogue, RunRecord run) => run.Limits ?? new RunLimits(
        catalogue.Scenarios.TryGetValue(run.ScenarioId, out var scenario) ? scenario.ProbeInterval : catalogue.Defaults.ProbeInterval,
        scenario?.MaxDuration ?? catalogue.Defaults.MaxDuration,
        options.RollbackTimeout);
}
