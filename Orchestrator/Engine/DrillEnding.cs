using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Errors;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>How an exception that ended a drill is classified, and what the journal says about it.</summary>
internal readonly record struct DrillEnding(DrillEnd End, string Reason, string JournalMessage)
{
    public static DrillEnding From(Exception ex, DrillRun run, bool stopRequested, bool operatorCancelled)
    {
        if (ex is OperationCanceledException && stopRequested)
        {
            var reason = operatorCancelled
                ? run.Origin.Trigger is RunTrigger.OnDemand ? "cancelled by the operator" : "cancelled: the scheduler service was stopped"
                : $"max_duration {DurationText.Format(run.Scenario.MaxDuration)} exceeded before the system was verified";
            reason += run.AwaitingOperator is { } waiting ? $" ({waiting} was not confirmed)" : "";
            return new(operatorCancelled ? DrillEnd.Cancelled : DrillEnd.StopCondition, reason, $"Aborted: {reason}");
        }

        if (!run.AttackStarted && !run.QuiesceUnresumed)
        {
            // Nothing was attacked, whatever went wrong: an environment problem, not an aborted drill.
            return new(DrillEnd.NotStarted, ex.Message, "Not started: nothing was attacked");
        }

        return ex is DrillsException known
            ? new(DrillEnd.StepError, known.Problem, $"Aborted: {known.Problem}")
            : new(DrillEnd.StepError, $"internal error: {ex.Message}", $"Aborted by an internal error ({ex.GetType().Name}): {ex.Message}");
    }
}
