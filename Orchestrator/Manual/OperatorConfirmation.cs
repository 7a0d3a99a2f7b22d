using System.Globalization;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Manual;

/// <summary>
/// What <c>drills confirm RUN_ID STEP</c> does: finds the run and the manual step the operator means
/// (its restore step number, or its title), and confirms it only while the drill waits on it.
/// </summary>
internal static class OperatorConfirmation
{
    /// <param name="where">The run store, as a message names it (its file).</param>
    public static ConfirmedStep Confirm(IRunStore store, string where, string runId, string stepText, ManualConfirmation confirmation)
    {
        var run = store.Find(runId) ?? throw Unknown(store, where, runId);
        var steps = store.ManualSteps(runId);
        if (steps.Count == 0 || steps.All(s => s.Simulated))
        {
            throw steps.Count == 0
                ? new ConfirmationRefusedException($"Run {runId} ({run.ScenarioId}) has no manual steps: nothing waits for an operator.", "check the run id with drills runs.")
                : new ConfirmationRefusedException($"Run {runId} counts its manual steps at their declared duration (--simulate-manual): none waits for an operator.", "");
        }

        if (run.Outcome != RunOutcome.Running)
        {
            throw new ConfirmationRefusedException(
                $"Run {runId} is not running: it ended {run.Outcome.ToString().ToLowerInvariant()}{Ended(run)}. Only a running drill waits for confirmation. ", $"start the drill again with drills run {run.ScenarioId}, and confirm while it waits.");
        }

        if (run.Owner is not null && !RunOwners.IsAlive(run.Owner))
        {
            throw new ConfirmationRefusedException(
                $"Run {runId} was interrupted: the process running it is gone, so nothing waits for this confirmation. ", $"run drills recover {runId} (it rolls the target back and closes the run), then run the drill again.");
        }

        var step = Resolve(runId, steps, stepText.Trim());
        if (step.Confirmation is null && !step.IsWaiting)
        {
            throw new ConfirmationRefusedException(
                $"{Name(runId, step)} is not waiting yet: the drill has not reached it.", $"confirm once progress shows 'Waiting for operator: {step.Title}'.");
        }

        if (step.Confirmation is null && store.Confirm(runId, step.Step, confirmation))
        {
            return new ConfirmedStep(runId, step.Step, step.Title, confirmation);
        }

        // Confirmed before, or by another operator a moment ago.
        var done = step.Confirmation ?? store.ManualSteps(runId).First(s => s.Step == step.Step).Confirmation!;
        throw new ConfirmationRefusedException(
            $"{Name(runId, step)} was already confirmed by {done.By} at {Utc(done.AtUtc)} UTC.", "");
    }

    private static ManualStepState Resolve(string runId, IReadOnlyList<ManualStepState> steps, string stepText)
    {
        var known = string.Join(", ", steps.Select(s => $"{s.Step} '{s.Title}'"));
        if (int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return steps.FirstOrDefault(s => s.Step == number) ?? throw new ConfirmationRefusedException(
                $"Restore step {number} of run {runId} is not a manual step.", $"pass a manual step's number or title: {known}.");
        }

        var titled = steps.Where(s => string.Equals(s.Title, stepText, StringComparison.OrdinalIgnoreCase)).ToList();
        if (titled.Count == 1)
        {
            return titled[0];
        }

        if (titled.Count > 1)
        {
            throw new ConfirmationRefusedException(
                $"Restore steps {string.Join(" and ", titled.Select(s => s.Step))} of run {runId} are all titled '{stepText}'. ", $"pass the step's number, such as drills confirm {runId} {titled[0].Step}.");
        }

        var nearest = Suggestions.Nearest(stepText, steps.Select(s => s.Title));
        throw new ConfirmationRefusedException(
            $"Run {runId} has no manual step titled '{stepText}'.", $"{(nearest is null ? "" : $"did you mean '{nearest}'? ")}its manual steps are: {known}.");
    }

    private static ConfirmationRefusedException Unknown(IRunStore store, string where, string runId)
    {
        var (problem, fix) = UnknownRun.Describe(store, where, runId);
        return new ConfirmationRefusedException(problem, fix);
    }

    private static string Name(string runId, ManualStepState step) => $"Manual step {step.Step} '{step.Title}' of run {runId}";

    private static string Ended(RunRecord run) => run.EndedAtUtc is { } end ? $" at {Utc(end)} UTC" : "";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
