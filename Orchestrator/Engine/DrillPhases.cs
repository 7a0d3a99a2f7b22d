using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Canaries;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Manual;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Steps;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>The phases of one drill in order, exactly as "What a drill measures" in the format contract defines them.</summary>
internal sealed class DrillPhases
{
    private readonly DrillRun _run;
    private readonly DrillJournal _journal;
    private readonly SteadyState _steady;
    private readonly StepRunner _steps;
    private readonly DataPaths _data;
    private readonly IContainerRuntime _runtime;
    private readonly DrillOptions _options;
    private readonly ManualStepRunner _manual;
    private readonly ReadinessGate _gate;
    private readonly CanaryDrill _canary;

    public DrillPhases(DrillRun run, DrillJournal journal, DrillParts parts, DrillOptions options, ManualStepRunner manual, ReadinessGate gate, CanaryDrill canary)
    {
        (_run, _journal, _steady, _steps, _data, _runtime, _options, _manual, _gate, _canary) =
            (run, journal, parts.Steady, parts.Steps, parts.Data, parts.Runtime, options, manual, gate, canary);
    }

    /// <summary>Set once the target is resolved and vetted; rollback needs it.</summary>
    public DrillTarget? Target { get; private set; }

    public BaselineBackup Baseline { get; private set; } = BaselineBackup.None;

    public async Task<DrillEnd> RunAsync(CancellationToken cancellationToken)
    {
        _manual.Declare();
        var recreates = _run.Scenario.Attack.Concat(_run.Scenario.Restore).Any(s => s is RemoveStep or RedeployStep);
        var (target, checks) = await _gate.PassAsync(recreates, cancellationToken);
        Target = target;
        _journal.Record(JournalMark.Note, target.CreatedByDrill
            ? $"Created container {target.Name} from {_run.System.Container.Image}"
            : $"Using container {target.Name}, labelled drills.target={_run.System.Id}");
        if (target.NetworkNote is { } joined)
        {
            _journal.Record(JournalMark.Note, $"Container {target.Name} joined the system's network {_run.System.Network}", joined);
        }

        await BaselineAsync(target, checks, cancellationToken);
        await _canary.BeforeAttackAsync(target, cancellationToken);
        await _canary.StopAsync();

        _run.AttackStarted = true;
        _run.AttackStartedAt = _journal.Record(JournalMark.AttackStart, "Attack started (T0)").Elapsed;
        _canary.RecordStopped();
        var watch = new RecoveryWatch(_run.Clock, _journal, _steady, target, Baseline, _run.Scenario.Verify, _run.Scenario.ProbeInterval);
        _run.Observations = () => watch.Observations;
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = Task.Run(() => watch.RunAsync(stopWatching.Token), CancellationToken.None);
        try
        {
            return await AttackAndRestoreAsync(target, watch, watching, cancellationToken);
        }
        finally
        {
            await stopWatching.CancelAsync();
            // Bounded: a probe stuck in an engine call that ignores cancellation must not delay the rollback.
            await Task.WhenAny(watching, _run.Clock.DelayAsync(WatchStopBound, CancellationToken.None));
            _run.ImpactAt = watch.Impact.IsCompletedSuccessfully ? await watch.Impact : null;
        }
    }

    private async Task<DrillEnd> AttackAndRestoreAsync(DrillTarget target, RecoveryWatch watch, Task watching, CancellationToken cancellationToken)
    {
        var context = new StepContext(target, Baseline, _run.Clock, _run);
        await RunStepsAsync("attack", _run.Scenario.Attack, context, null, cancellationToken);
        var window = Max(_options.DetectionWindow, _run.Scenario.ProbeInterval * 10);
        if (await WaitAsync(watch.Impact, watching, window, cancellationToken) is null)
        {
            _journal.Record(JournalMark.Note, "Finding: the attack had no observable impact",
                $"every check still passed {DurationText.Format(window)} after the attack steps");
        }

        watch.RestoreStarted();
        _journal.Record(JournalMark.RestoreStart, "Restore started");
        await RunStepsAsync("restore", _run.Scenario.Restore, context, watch, cancellationToken);
        watch.RestoreEnded(_journal.Record(JournalMark.RestoreEnd, "Restore steps finished").Elapsed);

        var verifyWithin = _options.VerifyTimeout ?? _run.Scenario.MaxDuration;
        var recovered = await WaitAsync(watch.Recovered, watching, verifyWithin, cancellationToken);
        if (recovered is not { } t1)
        {
            _journal.Record(JournalMark.Note, "Verification failed",
                $"the verify items did not all pass within {DurationText.Format(verifyWithin)} after the restore");
            _canary.NotRecovered();
            return DrillEnd.VerificationFailed;
        }

        _run.RecoveredAt = t1;
        _run.Verified = true;
        var measured = t1 - _run.AttackStartedAt!.Value;
        var declared = _run.DeclaredManualTime;
        var met = measured + declared <= _run.System.RtoTarget;
        var counted = declared > TimeSpan.Zero
            ? Invariant($"measured {measured.TotalSeconds:0.000} s + declared manual {DurationText.Format(declared)} (simulated, not measured)")
            : Invariant($"measured {measured.TotalSeconds:0.000} s");
        _journal.Record(JournalMark.Note, met ? "Recovery within target" : "Recovery MISSED its target",
            $"{counted} against target {DurationText.Format(_run.System.RtoTarget)}");
        await _canary.AfterRecoveryAsync(cancellationToken);
        return met ? DrillEnd.Passed : DrillEnd.MissedTarget;
    }

    /// <param name="results">The readiness gate's round of checks, all passed: the baseline's evidence, not probed twice.</param>
    private async Task BaselineAsync(DrillTarget target, IReadOnlyList<ItemResult> results, CancellationToken cancellationToken)
    {
        // The snapshot and its manifest are read from one copy, taken inside the quiesce window when the system has one.
        await new QuiesceWindow(_runtime, _run, _journal).RunAsync(target,
            async token => Baseline = await _data.TakeBaselineAsync(_run.RunId, target.ContainerId, _run.System.Data.Paths, token), cancellationToken);
        var info = await _runtime.InspectAsync(target.ContainerId, cancellationToken);
        _run.ImageDigest = info.ImageDigest;
        if (ContainerDrift.Between(_run.System.Container, info) is { Count: > 0 } drift)
        {
            _journal.Record(JournalMark.Note, $"Warning: container {target.Name} differs from the catalogue: {string.Join("; ", drift)}",
                "the drill measures the container as it is; remove it (or add a redeploy step) so drills recreates it from the declared settings");
        }
        _journal.Record(JournalMark.Baseline, $"Baseline: all {results.Count} checks pass",
            Baseline.IsEmpty ? "no data paths declared: no snapshot taken"
                : $"snapshot of {string.Join(", ", _run.System.Data.Paths)} {(_run.System.Quiesce is null ? "copied live (no quiesce declared)" : "taken at rest (between quiesce before and after)")}: " +
                  $"{Baseline.Manifest.Files.Count} files, " + string.Join(", ", Baseline.Snapshots.Select(s => $"{s.DataPath} sha256 {s.Sha256}")));
        _run.AddBaseline(results.Select(r => new CheckObservation("baseline", r.Item, r.Result.Passed, _run.Clock.Elapsed, r.Result.Observation)));
    }

    /// <param name="restoring">The watch when these are the restore steps, which keep going after a failed step; null for the attack, which stops at one.</param>
    private async Task RunStepsAsync(string phase, IReadOnlyList<StepDefinition> steps, StepContext context, RecoveryWatch? restoring, CancellationToken cancellationToken)
    {
        var failFast = restoring is null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var started = _journal.Record(JournalMark.StepStarted, $"{phase} {i + 1}/{steps.Count}: {step.Describe()}").Elapsed;
            string observation;
            ManualOutcome? manual = null;
            var succeeded = false;
            try
            {
                (observation, manual) = await RunStepAsync(step, i + 1, context, cancellationToken);
                succeeded = true;
                if (manual is { Simulated: false })
                {
                    restoring?.RestartStreak();
                }
            }
            catch (Exception ex) when (!failFast && ex is StepFailedException or DockerOperationException or BackupCorruptException or BackupCommandException)
            {
                // A failed restore step is a finding, not the end: later steps may still recover the system.
                observation = DrillsException.ProblemOf(ex);
            }
            catch (Exception ex)
            {
                Finish(phase, i, step, started, succeeded: false, ex is OperationCanceledException ? StepResult.InterruptedObservation : DrillsException.ProblemOf(ex));
                throw;
            }

            Finish(phase, i, step, started, succeeded, observation, manual);
        }
    }

    private async Task<(string Observation, ManualOutcome? Manual)> RunStepAsync(StepDefinition step, int number, StepContext context, CancellationToken cancellationToken)
    {
        if (step is not ManualStep human)
        {
            return (await _steps.RunAsync(step, context, cancellationToken), null);
        }

        var outcome = await _manual.RunAsync(human, number, cancellationToken);
        return (outcome.Simulated
            ? $"simulated: counted at the declared {DurationText.Format(outcome.Expected)}, not measured"
            : $"confirmed by {outcome.ConfirmedBy}", outcome);
    }

    private void Finish(string phase, int index, StepDefinition step, TimeSpan started, bool succeeded, string observation, ManualOutcome? manual = null)
    {
        var duration = _run.Clock.Elapsed - started;
        _run.AddStep(new StepResult(phase, index + 1, step.Kind, step.Describe(), succeeded, started, duration, observation, manual));
        _journal.Record(JournalMark.StepFinished,
            $"{phase} {index + 1}: {step.Kind} {(succeeded ? "done" : observation == StepResult.InterruptedObservation ? "INTERRUPTED" : "FAILED")} in {DurationText.Format(duration)}", observation);
    }

    /// <summary>Waits for a mark on the drill's clock; null on timeout. A crashed watch surfaces its error here.</summary>
    private async Task<TimeSpan?> WaitAsync(Task<TimeSpan> mark, Task watching, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = _run.Clock.DelayAsync(timeout, timer.Token);
        var first = await Task.WhenAny(mark, watching, delay);
        await timer.CancelAsync();
        if (first == mark)
        {
            return await mark;
        }

        if (first == watching)
        {
            await watching;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return mark.IsCompletedSuccessfully ? await mark : null;
    }

    /// <summary>How long to wait for the probing loop to notice it was stopped.</summary>
    private static readonly TimeSpan WatchStopBound = TimeSpan.FromSeconds(10);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
