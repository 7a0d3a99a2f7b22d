using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Steps;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Runs;
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
    private readonly TargetGuard _guard;
    private readonly DataPaths _data;
    private readonly SteadyState _steady;
    private readonly StepRunner _steps;
    private readonly Rollback _rollback;

    public DrillEngine(IContainerRuntime runtime, INetworkProbe network, TimeProvider time, IRunStore store,
        SnapshotStore snapshots, DrillOptions options, ILogger log)
    {
        (_runtime, _time, _store, _options, _log) = (runtime, time, store, options, log);
        _guard = new TargetGuard(runtime);
        _data = new DataPaths(runtime, snapshots);
        _steady = new SteadyState(new CheckRunner(runtime, network), _data);
        _steps = new StepRunner(runtime, _guard, _data);
        _rollback = new Rollback(runtime, _guard, _data, _steady);
    }

    public async Task<DrillResult> RunAsync(DrillCatalogue catalogue, ScenarioDefinition scenario,
        IProgress<JournalEvent>? progress, CancellationToken cancellationToken)
    {
        var system = catalogue.Systems[scenario.SystemId];
        var clock = new DrillClock(_time);
        var run = new DrillRun(RunIds.New(clock.StartedAtUtc), catalogue, scenario, system, clock);
        _store.Begin(run.ToRecord(RunOutcome.Running));
        var journal = new DrillJournal(clock, _store.JournalFor(run.RunId), progress);
        journal.Record(JournalMark.Started, $"Drill {scenario.Id} against {system.Id} ({system.Container.Name}) started",
            $"target {DurationText.Format(system.RtoTarget)}, max_duration {DurationText.Format(scenario.MaxDuration)}, probe every {DurationText.Format(scenario.ProbeInterval)}");
        _log.Information("Drill {RunId}: {Scenario} against {System}", run.RunId, scenario.Id, system.Id);

        // max_duration runs on the drill's clock, so a simulated 25-hour drill hits it in simulated time.
        using var budget = new CancellationTokenSource(scenario.MaxDuration, _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        var phases = new DrillPhases(run, journal, _steady, _steps, _data, _runtime, _guard, _options);
        var result = await RunGuardedAsync(phases, run, journal, stop, cancellationToken);
        var record = run.ToRecord(result.Outcome) with { Journal = journal.Events };
        _store.Complete(record);
        _log.Information("Drill {RunId} ended {Outcome} ({End})", run.RunId, record.Outcome, result.End);
        return new DrillResult(record, result.End, result.Cause);
    }

    private async Task<(RunOutcome Outcome, DrillEnd End, Exception? Cause)> RunGuardedAsync(
        DrillPhases phases, DrillRun run, DrillJournal journal, CancellationTokenSource stop, CancellationToken userToken)
    {
        (RunOutcome, DrillEnd, Exception?) ended;
        try
        {
            var end = await phases.RunAsync(stop.Token);
            ended = (end is DrillEnd.Passed ? RunOutcome.Passed : RunOutcome.Failed, end, null);
        }
        catch (OperationCanceledException ex) when (stop.IsCancellationRequested)
        {
            var end = userToken.IsCancellationRequested ? DrillEnd.Cancelled : DrillEnd.StopCondition;
            run.AbortReason = end is DrillEnd.Cancelled
                ? "cancelled by the operator"
                : $"max_duration {DurationText.Format(run.Scenario.MaxDuration)} exceeded before the system was verified";
            journal.Record(JournalMark.Aborted, $"Aborted: {run.AbortReason}");
            ended = (RunOutcome.Aborted, end, ex);
        }
        catch (Exception ex) when (!run.AttackStarted && ex is TargetRefusedException or MissingImageException or DockerUnavailableException or BaselineUnhealthyException)
        {
            run.AbortReason = ex.Message;
            journal.Record(JournalMark.Aborted, "Not started: nothing was attacked", ex.Message);
            return (RunOutcome.Aborted, DrillEnd.NotStarted, ex);
        }
        catch (Exception ex) when (ex is StepFailedException or DockerOperationException or BackupCorruptException or DockerUnavailableException)
        {
            run.AbortReason = ex.Message;
            journal.Record(JournalMark.Aborted, $"Aborted: {ex.Message}");
            ended = (RunOutcome.Aborted, DrillEnd.StepError, ex);
        }
        catch (Exception ex)
        {
            // Anything unforeseen still ends as a recorded abort with a rollback, never as a target left broken.
            _log.Error(ex, "Drill {RunId} failed unexpectedly", run.RunId);
            run.AbortReason = $"internal error: {ex.Message}";
            journal.Record(JournalMark.Aborted, $"Aborted: {run.AbortReason}", ex.GetType().Name);
            ended = (RunOutcome.Aborted, DrillEnd.StepError, ex);
        }

        if (ended.Item2 is not (DrillEnd.Passed or DrillEnd.MissedTarget) && phases.Target is not null && run.AttackStarted)
        {
            run.RolledBack = await RollBackAsync(phases, run, journal);
        }

        journal.Record(JournalMark.Finished, $"Drill finished: {ended.Item1}");
        return ended;
    }

    private async Task<bool> RollBackAsync(DrillPhases phases, DrillRun run, DrillJournal journal)
    {
        // A fresh token: rollback must happen even when the drill was cancelled or ran out of time.
        using var bound = new CancellationTokenSource(_options.RollbackTimeout, _time);
        try
        {
            return await _rollback.RunAsync(phases.Target!, phases.Baseline, journal, run.Clock, run.Scenario.ProbeInterval, bound.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DockerOperationException or DockerUnavailableException or BackupCorruptException or TargetRefusedException)
        {
            _log.Error(ex, "Rollback of {RunId} did not complete", run.RunId);
            journal.Record(JournalMark.Rollback, "Rollback did NOT complete: the target may need manual repair", ex.Message);
            return false;
        }
    }
}
