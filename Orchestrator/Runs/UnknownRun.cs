using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Runs;

/// <summary>What to say when a command names a run id the store does not hold: the nearest recent id, or the runs still open.</summary>
internal static class UnknownRun
{
    /// <param name="where">The run store, as a message names it (its file).</param>
    public static (string Problem, string Fix) Describe(IRunStore store, string where, string runId)
    {
        var recent = store.List(20);
        var nearest = Suggestions.Nearest(runId, recent.Select(r => r.RunId));
        var running = recent.Where(r => r.Outcome == RunOutcome.Running).Select(r => $"{r.RunId} ({r.ScenarioId})").ToList();
        var fix = nearest is not null ? $"did you mean '{nearest}'?"
            : running.Count > 0 ? $"runs still running: {string.Join(", ", running)}."
            : "list runs with drills runs, and pass the same --data-dir as the drill.";
        return ($"No run '{runId}' in {where}.", fix);
    }
}
