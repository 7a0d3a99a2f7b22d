using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Consecutive identical observations of one check, folded into one row. Checks are polled
/// every few hundred milliseconds, so a drill leaves hundreds of "still failing" lines that
/// say nothing new; a change of result or of what was seen always starts a new run.
/// </summary>
internal sealed record CheckRun(
    string Phase,
    string Check,
    bool Passed,
    string Observation,
    int Count,
    TimeSpan FirstAt,
    TimeSpan LastAt)
{
    /// <summary>Groups per check, keeping each check's own order, then lists runs by when they began.</summary>
    public static IReadOnlyList<CheckRun> Group(IReadOnlyList<CheckObservation> observations)
    {
        // The key is the check, not the list neighbour: polls of different checks interleave.
        var open = new Dictionary<(string Phase, string Check), int>();
        var runs = new List<(CheckRun Run, int Order)>();

        for (var i = 0; i < observations.Count; i++)
        {
            var seen = observations[i];
            var key = (seen.Phase, seen.Check);
            if (open.TryGetValue(key, out var at) && runs[at].Run.Continues(seen))
            {
                var run = runs[at].Run;
                runs[at] = (run with { Count = run.Count + seen.Repeats, LastAt = seen.LastAt ?? seen.At }, runs[at].Order);
                continue;
            }

            open[key] = runs.Count;
            runs.Add((new CheckRun(seen.Phase, seen.Check, seen.Passed, seen.Observation, seen.Repeats, seen.At, seen.LastAt ?? seen.At), i));
        }

        return runs
            .OrderBy(r => r.Run.FirstAt)
            .ThenBy(r => r.Order)
            .Select(r => r.Run)
            .ToList();
    }

    private bool Continues(CheckObservation next) =>
        next.Passed == Passed && string.Equals(next.Observation, Observation, StringComparison.Ordinal);
}
