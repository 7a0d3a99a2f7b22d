using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Canaries;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Manual;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Steps;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using Serilog;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Runs one drill: baseline → attack → impact → restore → verify, journaling every mark with the one
/// injected clock, and rolling the target back whenever the drill does not end verified.
/// </summary>
internal sealed class DrillEngine
{
    private readonly IContainerRuntime _runtime;
    private readonly TimeProvider _time;
    private readonly IRunStore _store;
    private readonly DrillOptions _options;
    private readonly ILogger _log;
    private readonly INetworkProbe _network;
    private readonly SnapshotStore _snapshots;
    private readonly IAgencyBackups _backups;

    // Null in tests of one engine alone; every real engine shares the data directory's locks.
    private readonly SystemLocks? _locks;

    // Null in tests of one engine alone; every real engine shares the machine's container locks.
    private readonly ContainerLocks? _containerLocks;

    public DrillEngine(IContainerRuntime runtime, INetworkProbe network, TimeProvider time, IRunStore store,
        SnapshotStore snapshots, DrillOptions options, ILogger log, SystemLocks? locks = null, ContainerLocks? containerLocks = null,
        IAgencyBackups? backups = null)
    {
        _backups = backups ?? NoAgencyBackups.Instance;
        (_locks, _containerLocks) = (locks, containerLocks);
        (_runtime, _time, _store, _options, _log) = (runtime, time, store, options, log);
        _network = network;
        _snapshots = snapshots;
    }

    /// <summary>The agency backups the drills of this engine restore from (the dry run's readiness reads them too).</summary>
    public IAgencyBackups Backups => _backups;

    public Task<DrillResult> RunAsync(DrillCatalogue catalogue, ScenarioDefinition scenario,
        IProgress<JournalEvent>? progress, CancellationToken cancellationToken) =>
        RunAsync(catalogue, scenario, RunOrigin.OnDemand, progress, cancellationToken);

    public async Task<DrillResult> RunAsync(DrillCatalogue catalogue, ScenarioDefinition scenario, RunOrigin origin,
        IProgress<JournalEvent>? progress, CancellationToken cancellationToken)
    {
        var system = catalogue.Systems[scenario.SystemId];
        var clock = new DrillClock(_time);
        var run = new DrillRun(RunIds.New(clock.StartedAtUtc), catalogue, scenario, system, clock)
        {
            Origin = origin,
            ExtraParticipants = _options.Participants,
            Limits = new RunLimits(scenario.ProbeInterval, scenario.MaxDuration, _options.RollbackTimeout),
        };
        using var held = Hold(system.Id, system.Container.Name, run.RunId);
        if (catalogue.Text.Length > 0)
        {
            // Before the run exists: crash recovery rolls back the system as declared now, whatever the file says then.
            // URL passwords masked as everywhere drills writes: recovery prefers the file itself while its hash is unchanged.
            _store.KeepCatalogue(catalogue.Sha256, catalogue.SourcePath, Secrets.Redact(catalogue.Text));
        }

        _store.Begin(run.ToRecord(RunOutcome.Running));
        var checkpoints = new CheckpointProgress(progress, () => _store.Checkpoint(run.ToRecord(RunOutcome.Running)),
            ex => _log.Warning(ex, "Checkpoint of {RunId} not saved: {Error}", run.RunId, ex.Message));
        var journal = new DrillJournal(clock, _store.JournalFor(run.RunId), checkpoints);
        (RunOutcome Outcome, DrillEnd End, Exception? Cause) result = (RunOutcome.Aborted, DrillEnd.StepError, null);
        RunRecord record;
        try
        {
            journal.Record(JournalMark.Started, $"Drill {scenario.Id} against {system.Id} ({system.Container.Name}) started",
                $"target {DurationText.Format(system.RtoTarget)}, max_duration {DurationText.Format(scenario.MaxDuration)}, probe every {DurationText.Format(scenario.ProbeInterval)}; " +
                $"catalogue {catalogue.SourcePath} sha256 {catalogue.Sha256}");
            if (OriginNote.For(origin, clock.StartedAtUtc) is { } note)
            {
                journal.Record(JournalMark.Note, note);
            }

            _log.Information("Drill {RunId}: {Scenario} against {System}", run.RunId, scenario.Id, system.Id);
            result = await RunGuardedAsync(run, journal, cancellationToken);
        }
        finally
        {
            // Whatever happened above, the run is closed in the store: no run stays "running" forever.
            record = run.ToRecord(result.Outcome) with { Journal = journal.Events };
            _backups.Release(run.RunId);
            await new FinalWrite(_store, _snapshots, _time, _log).CompleteAsync(record);
            if (journal.SinkFailure is { } failure)
            {
                _log.Warning(failure, "Journal of {RunId} could not be fully persisted: {Error}", run.RunId, failure.Message);
            }

            _log.Information("Drill {RunId} ended {Outcome} ({End})", run.RunId, record.Outcome, result.End);
        }

        return new DrillResult(record, result.End, result.Cause);
    }

    private async Task<(RunOutcome Outcome, DrillEnd End, Exception? Cause)> RunGuardedAsync(
        DrillRun run, DrillJournal journal, CancellationToken userToken)
    {
        // max_duration runs on the drill's clock, so a simulated 25-hour drill hits it in simulated time.
        using var budget = new CancellationTokenSource(run.Scenario.MaxDuration, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(userToken, budget.Token);
        var parts = PartsFor(run.System.Id);
        var phases = new DrillPhases(run, journal, parts, _options, new ManualStepRunner(_store, run, journal, _options),
            new ReadinessGate(run, journal, parts, _options, _time), new CanaryDrill(run, journal, parts.Runtime, parts.Backups));
        (RunOutcome Outcome, DrillEnd End, Exception? Cause) ended;
        try
        {
            var end = await phases.RunAsync(stop.Token);
            ended = (end is DrillEnd.Passed ? RunOutcome.Passed : RunOutcome.Failed, end, null);
        }
        catch (Exception ex)
        {
            var ending = DrillEnding.From(ex, run, stop.IsCancellationRequested, userToken.IsCancellationRequested);
            run.AbortReason = ending.Reason;
            journal.Record(JournalMark.Aborted, ending.JournalMessage, ending.End is DrillEnd.NotStarted ? ex.Message : null);
            ended = (RunOutcome.Aborted, ending.End, ex);
        }

        var touched = run.AttackStarted || run.QuiesceUnresumed || run.CanaryWrote;
        var cleanup = new CleanupAttestation(parts.Leftovers, _time, _log);
        if (ended.End is not (DrillEnd.Passed or DrillEnd.MissedTarget) && phases.Target is not null && touched)
        {
            // Pressure is released first, so the restore does not compete with it; the hard restart would also hide what the drill left.
            run.Cleanup = await cleanup.RunAsync(run.RunId, run.System, scanTarget: true, journal, "before the rollback", reconnect: false);
            run.RolledBack = await RollBackAsync(parts.Rollback, phases, run, journal);
        }
        else if (phases.Target is not null && run.AttackStarted)
        {
            // A drill that recovered is not rolled back, yet what its attack changed outside the data paths (a corrupted
            // configuration the restore did not replace, a network left cut) and the pressure it started must not outlive it.
            await ReleaseAsync(parts.Undo, phases.Target, run, journal);
        }

        run.Cleanup = CleanupAttestation.Combine(run.Cleanup, await cleanup.RunAsync(run.RunId, run.System, scanTarget: touched, journal, "after the run"));

        journal.Record(JournalMark.Finished, $"Drill finished: {ended.Outcome}");
        return ended;
    }

    /// <summary>
    /// Closes a run whose process died mid-drill: rolls its target back to the baseline that run took
    /// (restore is idempotent), marks it aborted, and keeps every journal event written before the crash.
    /// </summary>
    /// <param name="current">Today's catalogue, if one loads; the run's own (kept with it) is preferred.</param>
    public async Task<RecoveryResult> RecoverInterruptedAsync(DrillCatalogue? current, RunRecord run, RecoveryConsent consent, IProgress<JournalEvent>? progress,
        CancellationToken cancellationToken)
    {
        using var held = Hold(run.SystemId, run.ContainerName, run.RunId);
        // Read again under the locks: a drill listed as interrupted may have ended (and let go) since it was listed.
        if (_store.Find(run.RunId) is not { Outcome: RunOutcome.Running } open || RunOwners.IsAlive(open.Owner))
        {
            return new RecoveryResult(_store.Find(run.RunId) ?? run) { AlreadyClosed = true };
        }

        var parts = PartsFor(run.SystemId);
        return await new InterruptedRun(_store, parts, _snapshots, _time, _options, _log).RecoverAsync(current, open, consent, progress, cancellationToken);
    }

    /// <summary>
    /// Takes the system (in this data directory) and its container (on the whole machine) for this run,
    /// or refuses before anything is recorded or touched.
    /// </summary>
    private Leases Hold(string systemId, string? containerName, string runId)
    {
        var system = _locks is null ? null : _locks.TryAcquire(systemId, runId) ?? throw new SystemBusyException(systemId, _locks.HolderOf(systemId));
        if (_containerLocks is null || containerName is null)
        {
            return new Leases(system);
        }

        if (_containerLocks.TryAcquire(containerName, systemId, runId) is not { } container)
        {
            system?.Dispose();
            throw new ContainerBusyException(containerName, _containerLocks.HolderOf(containerName), _containerLocks.PathOf(containerName));
        }

        return new Leases(system, container);
    }

    private DrillParts PartsFor(string systemId) => new(_runtime, _network, _time, _snapshots, _backups, systemId);

    private async Task ReleaseAsync(AttackUndo undo, DrillTarget target, DrillRun run, DrillJournal journal)
    {
        using var bound = new CancellationTokenSource(_options.RollbackTimeout, _time);
        try
        {
            foreach (var undone in await undo.PutBackAsync(target.ContainerId, run.RunId, bound.Token))
            {
                journal.Record(JournalMark.Note, "Attack undone outside the data paths", undone);
            }

            if (run.Scenario.Attack.Any(s => s is ExhaustStep))
            {
                var released = await undo.ReleaseAsync(target.ContainerId, run.RunId, bound.Token);
                journal.Record(JournalMark.Note, released.Clean ? "Exhaust pressure released" : "Exhaust pressure NOT fully released", released.Describe());
            }
        }
        catch (Exception ex)
        {
            _log.Warning(ex, "Attack of {RunId} not fully undone after the drill: {Error}", run.RunId, ex.Message);
            journal.Record(JournalMark.Note, "Attack NOT fully undone outside the data paths: the target may need manual repair", DrillsException.ProblemOf(ex));
        }
    }

    private async Task<bool> RollBackAsync(Rollback rollback, DrillPhases phases, DrillRun run, DrillJournal journal)
    {
        // A fresh token: rollback must happen even when the drill was cancelled or ran out of time.
        using var bound = new CancellationTokenSource(_options.RollbackTimeout, _time);
        try
        {
            return await rollback.RunAsync(phases.Target!, phases.Baseline, run.RunId, journal, run.Clock, run.Scenario.ProbeInterval, bound.Token);
        }
        catch (Exception ex)
        {
            _log.Warning(ex, "Rollback of {RunId} did not complete: {Error}", run.RunId, ex.Message);
            journal.Record(JournalMark.Rollback, "Rollback did NOT complete: the target may need manual repair", ex.Message);
            return false;
        }
    }
}
