using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Recovery of one run that a crash left "running": the journal goes on where it stopped, the target is
/// rolled back with the snapshots the run took at baseline, and the run ends aborted with its reason.
/// </summary>
internal sealed class InterruptedRun(IRunStore store, DrillParts parts, SnapshotStore snapshots, TimeProvider time, DrillOptions options, ILogger log)
{
    private readonly IContainerRuntime runtime = parts.Runtime;
    private readonly TargetGuard guard = parts.Guard;
    private readonly Rollback rollback = parts.Rollback;

    public const string Reason = "orchestrator restarted";

    /// <summary>The journal line of a rollback that did not complete; the service's periodic pass does not retry such a run.</summary>
    public const string RollbackFailed = "Rollback did NOT complete";

    /// <summary>
    /// Returns the run closed as aborted, or still open when its rollback could not complete now or needs an
    /// operator: a target is never marked done while it may still be attacked, and the next start tries again.
    /// </summary>
    /// <param name="current">The catalogue as it is now; the run is rolled back as its system was declared when drilled, when that text was kept.</param>
    public async Task<RecoveryResult> RecoverAsync(DrillCatalogue? current, RunRecord run, RecoveryConsent consent, IProgress<JournalEvent>? progress,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (KeptOutcome.Load(snapshots, run.RunId) is { } kept)
        {
            return new RecoveryResult(CloseFromKeptOutcome(run, kept));
        }

        // Once stale, always stale (the baseline only ages, a later run stays finished): said once, not re-read at every pass.
        if (consent is RecoveryConsent.Automatic && StaleBaseline.Noted(run) is { } noted)
        {
            return new RecoveryResult(run, noted);
        }

        var clock = new DrillClock(time, run.StartedAtUtc);
        var journal = new DrillJournal(clock, store.JournalFor(run.RunId), progress, run.Journal);
        // The baseline file is written just before T0, so it proves an attack may have begun even if the
        // journal row saying so was lost with the crash.
        var baseline = snapshots.LoadBaseline(run.RunId);
        var attacked = baseline is not null || run.Journal.Any(e => e.Mark == JournalMark.AttackStart);
        if (baseline is not null && consent is RecoveryConsent.Automatic
            && (EndedUnsaved(run) ?? StaleBaseline.Reason(run, store, time.GetUtcNow(), options.StaleBaselineAfter)) is { } stale)
        {
            return WaitForOperator(run, journal, stale);
        }

        var owner = run.Owner is { } o ? $"process {o.ProcessId} on {o.Host}" : "its process";
        journal.Record(JournalMark.Note, $"Recovering an interrupted run: {owner} stopped mid-drill", ConsentNote(consent));
        log.Warning("Run {RunId} of {Scenario} was interrupted by a crash; recovering", run.RunId, run.ScenarioId);

        var catalogue = DrilledCatalogue(current, run);
        var rolledBack = false;
        var cleanup = new CleanupAttestation(parts.Leftovers, time, log);
        // The target is entered only when it is still the container that was drilled (as for the rollback).
        var system = RefuseRollback(catalogue, run) is null ? catalogue!.Systems[run.SystemId] : null;
        Cleanup? released = null;
        if (!attacked)
        {
            journal.Record(JournalMark.Note, "The attack had not started: nothing to roll back");
            if (UnfinishedQuiesce.LeftAtRest(run) && catalogue?.Systems.GetValueOrDefault(run.SystemId) is { Quiesce: not null } quiesced
                && quiesced.Container.Name == run.ContainerName)
            {
                await UnfinishedQuiesce.ResumeAsync(runtime, guard, quiesced, journal, time);
            }
        }
        else if (RefuseRollback(catalogue, run) is { } refusal)
        {
            journal.Record(JournalMark.Rollback, refusal);
        }
        else
        {
            // Pressure the crashed drill left (marked workers, a pause) is released before its target is restored.
            released = await cleanup.RunAsync(run.RunId, system, scanTarget: true, journal, "before the rollback", reconnect: false);
            if (!await RollBackAsync(system!, catalogue!, run, consent is RecoveryConsent.KeepData ? null : baseline, journal, clock))
            {
                journal.Record(JournalMark.Note, "The run stays open: the next drill of the system, drills serve or drills recover tries the rollback again");
                return new RecoveryResult(run with { Journal = journal.Events });
            }

            // Kept as the operator left it: running and checked, but not put back to its baseline.
            rolledBack = consent is not RecoveryConsent.KeepData;
        }

        var attested = CleanupAttestation.Combine(released, await cleanup.RunAsync(run.RunId, system, scanTarget: attacked, journal, "after the run"));
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
            Cleanup = attested,
            EndedAtUtc = clock.UtcAt(clock.Elapsed),
            Journal = journal.Events,
        };
        store.Complete(record);
        return new RecoveryResult(record);
    }

    /// <summary>Leaves the run open, saying in its journal (once: later passes find the note) why and what the operator can do.</summary>
    private RecoveryResult WaitForOperator(RunRecord run, DrillJournal journal, string why)
    {
        journal.Record(JournalMark.Rollback, StaleBaseline.NotePrefix + why, StaleBaseline.Fix(run.RunId));
        log.Error("Run {RunId} of {System} was interrupted, and its baseline is not restored without an operator: {Why}. Fix: {Fix}",
            run.RunId, run.SystemId, why, StaleBaseline.Fix(run.RunId));
        return new RecoveryResult(run with { Journal = journal.Events }, why);
    }

    /// <summary>
    /// The journal says the drill ended, yet neither the store nor the kept outcome holds how (a full disk took
    /// both): a drill that passed has already restored its system, and a rollback would undo what came since.
    /// </summary>
    private static string? EndedUnsaved(RunRecord run) =>
        run.Journal.LastOrDefault(e => e.Mark == JournalMark.Finished) is { } finished
            ? $"its journal says it ended ('{finished.Message}') but its outcome was never saved, so its system may already be restored and in use"
            : null;

    private static string ConsentNote(RecoveryConsent consent) => consent switch
    {
        RecoveryConsent.RestoreBaseline => $"recovery confirmed by {Environment.UserName} with drills recover: the baseline is restored",
        RecoveryConsent.KeepData => $"recovery confirmed by {Environment.UserName} with drills recover --keep-data: the container is started and checked, its data is kept as it is",
        _ => $"recovery by process {RunOwners.Current.ProcessId}",
    };

    /// <summary>
    /// The drill ended and its outcome was kept beside its snapshots because the run store refused it then:
    /// the run is closed with that outcome, never rolled back (a passed drill's system is already restored).
    /// </summary>
    private RunRecord CloseFromKeptOutcome(RunRecord run, RunRecord kept)
    {
        var written = run.Journal.Count == 0 ? 0 : run.Journal.Max(e => e.Sequence);
        var sink = store.JournalFor(run.RunId);
        foreach (var entry in kept.Journal.Where(e => e.Sequence > written))
        {
            sink.Append(entry);
        }

        store.Complete(kept);
        log.Warning("Run {RunId} had ended {Outcome}, but the run store refused its last write then; closed from the outcome kept beside its snapshots, without a rollback",
            run.RunId, kept.Outcome);
        return kept;
    }

    /// <summary>The catalogue the run was drilled with, when its text was kept and still loads; else today's.</summary>
    private DrillCatalogue? DrilledCatalogue(DrillCatalogue? current, RunRecord run)
    {
        if (current?.Sha256 == run.CatalogueSha256)
        {
            return current;
        }

        return store.FindCatalogue(run.CatalogueSha256) is { } kept && CatalogueLoader.LoadText(kept.Text, kept.SourcePath).Catalogue is { } drilled
            ? drilled
            : current;
    }

    /// <summary>Why rolling back could touch the wrong container, or null when it is safe.</summary>
    private static string? RefuseRollback(DrillCatalogue? catalogue, RunRecord run)
    {
        if (catalogue is null)
        {
            return $"Rollback NOT possible now: the catalogue the run was drilled with was not kept and no catalogue loads; fix the catalogue file, or repair {run.ContainerName} by hand";
        }

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
            journal.Record(JournalMark.Note, "No baseline snapshot is restored: the container is restarted and checked, its data is not restored");
        }

        var limits = LimitsOf(catalogue, run);
        // Its own bound on the drill's clock, not the caller's token: a stop during start-up must not cut a rollback short.
        using var bound = new CancellationTokenSource(limits.RollbackTimeout, time);
        try
        {
            var info = await guard.InspectAsync(system, bound.Token);
            var target = new DrillTarget(system, info?.Id ?? "", createdByDrill: false);
            return await rollback.RunAsync(target, baseline ?? BaselineBackup.None, run.RunId, journal, clock, limits.ProbeInterval, bound.Token);
        }
        catch (Exception ex)
        {
            log.Warning(ex, "Rollback of interrupted run {RunId} did not complete: {Error}", run.RunId, ex.Message);
            journal.Record(JournalMark.Rollback, RollbackFailed, ex.Message);
            return false;
        }
    }

    /// <summary>The bounds the run was drilled with; a run recorded before they were kept falls back to today's catalogue and options.</summary>
    private RunLimits LimitsOf(DrillCatalogue catalogue, RunRecord run) => run.Limits ?? new RunLimits(
        catalogue.Scenarios.TryGetValue(run.ScenarioId, out var scenario) ? scenario.ProbeInterval : catalogue.Defaults.ProbeInterval,
        scenario?.MaxDuration ?? catalogue.Defaults.MaxDuration,
        options.RollbackTimeout);
}
