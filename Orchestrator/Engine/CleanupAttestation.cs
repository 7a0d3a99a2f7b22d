using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Leftovers;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Runs the cleanup scan for a run within its own time bound and journals what it found and removed. It never
/// throws: a scan that fails or runs out of time is itself recorded as found, and never hides the drill's result.
/// </summary>
internal sealed class CleanupAttestation(LeftoverScan scan, TimeProvider time, ILogger log)
{
    /// <summary>How long one pass may take: listing labels and two short execs take seconds on a healthy engine.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    /// <param name="when">Where in the run the pass happens, for the journal ("before the rollback", "after the run").</param>
    public async Task<Cleanup> RunAsync(string runId, SystemDefinition? system, bool scanTarget, DrillJournal journal, string when, bool reconnect = true)
    {
        // Its own token: the pass must run even when the drill was cancelled or ran out of time.
        using var bound = new CancellationTokenSource(Bound, time);
        Cleanup cleanup;
        try
        {
            cleanup = await scan.RunAsync(runId, system, scanTarget, reconnect, bound.Token);
        }
        catch (Exception ex)
        {
            var why = ex is OperationCanceledException ? $"did not finish within {DurationText.Format(Bound)}" : $"failed: {ex.Message}";
            log.Warning(ex, "Cleanup scan of {RunId} {When} {Why}", runId, when, why);
            cleanup = new Cleanup([$"cleanup scan {when} {why}"], []);
        }

        journal.Record(JournalMark.Note, Describe(cleanup, when), cleanup.Found.Count == 0 ? null
            : $"found: {string.Join("; ", cleanup.Found)} — removed or repaired: {(cleanup.Removed.Count == 0 ? "nothing" : string.Join("; ", cleanup.Removed))}");
        return cleanup;
    }

    /// <summary>Two passes of one run as one record: everything either found, everything either removed.</summary>
    public static Cleanup Combine(Cleanup? earlier, Cleanup later) => earlier is null
        ? later
        : new Cleanup([.. earlier.Found.Concat(later.Found).Distinct(StringComparer.Ordinal)], [.. earlier.Removed.Concat(later.Removed).Distinct(StringComparer.Ordinal)]);

    private static string Describe(Cleanup cleanup, string when) => cleanup.Found.Count == 0
        ? $"Cleanup {when}: nothing left behind"
        : $"Cleanup {when}: found {cleanup.Found.Count} left behind, removed or repaired {cleanup.Removed.Count}";
}
