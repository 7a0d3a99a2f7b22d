using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Manual;

/// <summary>
/// Performs manual restore steps. Simulated, a step is counted at its declared duration and nothing waits.
/// Otherwise the drill waits, its clock running, until an operator confirms the step through the run store;
/// max_duration still bounds the wait, so a step nobody confirms aborts the drill, which then rolls back.
/// </summary>
internal sealed class ManualStepRunner
{
    private readonly IConfirmationStore _store;
    private readonly DrillRun _run;
    private readonly DrillJournal _journal;
    private readonly DrillOptions _options;

    public ManualStepRunner(IConfirmationStore store, DrillRun run, DrillJournal journal, DrillOptions options)
    {
        (_store, _run, _journal, _options) = (store, run, journal, options);
    }

    /// <summary>What an operator types to confirm a step; progress and the journal show it verbatim.</summary>
    public static string ConfirmCommand(string runId, int step) => $"drills confirm {runId} {step}";

    /// <summary>Registers the scenario's manual steps, so `drills confirm` can tell them from the other steps from the start.</summary>
    public void Declare()
    {
        var manual = _run.Scenario.Restore
            .Select((step, i) => step is ManualStep m ? new ManualStepState(i + 1, m.Title, _options.SimulateManual) : null)
            .OfType<ManualStepState>()
            .ToList();
        if (manual.Count > 0)
        {
            _store.DeclareManualSteps(_run.RunId, manual);
        }
    }

    /// <param name="number">The step's 1-based number in the restore list.</param>
    public async Task<ManualOutcome> RunAsync(ManualStep step, int number, CancellationToken cancellationToken)
    {
        var expected = DurationText.Format(step.Expected);
        if (_options.SimulateManual)
        {
            _journal.Record(JournalMark.Note, $"Manual step simulated: {step.Title}",
                $"counted at its declared {expected}, kept apart from the measured time (--simulate-manual)");
            return new ManualOutcome(step.Title, step.Expected, Simulated: true);
        }

        var since = _run.Clock.Elapsed;
        _store.MarkWaiting(_run.RunId, number, _run.Clock.UtcAt(since));
        _run.AwaitingOperator = $"manual step {number} '{step.Title}'";
        _journal.Record(JournalMark.ManualWaiting, $"Waiting for operator: {step.Title} — confirm with: {ConfirmCommand(_run.RunId, number)}",
            $"restore step {number}, expected {expected}; the clock keeps running; unconfirmed when max_duration " +
            $"{DurationText.Format(_run.Scenario.MaxDuration)} of the drill runs out, the drill aborts and rolls back");
        var confirmation = await WaitForConfirmationAsync(number, cancellationToken);
        _run.AwaitingOperator = null;
        _journal.Record(JournalMark.ManualConfirmed, $"Confirmed by {confirmation.By}: {step.Title}",
            $"waited {DurationText.Format(_run.Clock.Elapsed - since)}, part of the measured time" + (confirmation.Note is { } note ? $"; note: {note}" : ""));
        return new ManualOutcome(step.Title, step.Expected, Simulated: false, confirmation.AtUtc, confirmation.By, confirmation.Note);
    }

    private async Task<ManualConfirmation> WaitForConfirmationAsync(int number, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_store.ManualSteps(_run.RunId).FirstOrDefault(s => s.Step == number)?.Confirmation is { } confirmation)
            {
                return confirmation;
            }

            await _run.Clock.DelayAsync(_options.ConfirmationPollInterval, cancellationToken);
        }
    }
}
