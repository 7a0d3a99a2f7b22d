using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Runs;
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

    public async Task<RunRecord> RecoverAsync(DrillCatalogue catalogue, RunRecord run, IProgress<JournalEvent>? progress, CancellationToken cancellationToken)
    {
        var clock = new DrillClock(time, run.StartedAtUtc);
        var journal = new DrillJournal(clock, store.JournalFor(run.RunId), progress, run.Journal);
        var owner = run.Owner is { } o ? $"process {o.ProcessId} on {o.Host}" : "its process";
        journal.Record(JournalMark.Aborted, $"Aborted: {Reason}",
            $"{owner} stopped mid-drill; recovered by process {RunOwners.Current.ProcessId} at start-up");
        log.Warning("Run {RunId} of {Scenario} was interrupted by a crash; recovering", run.RunId, run.ScenarioId);

        var rolledBack = false;
        if (!run.Journal.Any(e => e.Mark == JournalMark.AttackStart))
        {
            journal.Record(JournalMark.Note, "The attack had not started: nothing to roll back");
        }
        else if (!catalogue.Systems.TryGetValue(run.SystemId, out var system))
        {
            journal.Record(JournalMark.Rollback, $"Rollback NOT possible: system {run.SystemId} is no longer in the catalogue; repair {run.ContainerName} by hand");
        }
        else
        {
            rolledBack = await RollBackAsync(catalogue, system, run, journal, clock, cancellationToken);
        }

        journal.Record(JournalMark.Finished, $"Drill finished: {RunOutcome.Aborted}");
        var record = run with
        {
            Outcome = RunOutcome.Aborted,
            AbortReason = Reason,
            RolledBack = rolledBack,
            EndedAtUtc = clock.UtcAt(clock.Elapsed),
            Journal = journal.Events,
        };
        store.Complete(record);
        return record;
    }

    private async Task<bool> RollBackAsync(DrillCatalogue catalogue, SystemDefinition system, RunRecord run, DrillJournal journal,
        DrillClock clock, CancellationToken cancellationToken)
    {
        var baseline = snapshots.LoadBaseline(run.RunId);
        if (baseline is null)
        {
            journal.Record(JournalMark.Note, "No baseline snapshot was recorded: the container is restarted and checked, its data is not restored");
        }

        var probe = catalogue.Scenarios.TryGetValue(run.ScenarioId, out var scenario) ? scenario.ProbeInterval : catalogue.Defaults.ProbeInterval;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(options.RollbackTimeout);
        try
        {
            var info = await guard.InspectAsync(system, bound.Token);
            var target = new DrillTarget(system, info?.Id ?? "", createdByDrill: false);
            return await rollback.RunAsync(target, baseline ?? BaselineBackup.None, journal, clock, probe, bound.Token);
        }
        catch (Exception ex)
        {
            log.Warning("Rollback of interrupted run {RunId} did not complete: {Error}", run.RunId, ex.Message);
            journal.Record(JournalMark.Rollback, "Rollback did NOT complete: the target may need manual repair", ex.Message);
            return false;
        }
    }
}
