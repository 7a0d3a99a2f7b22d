using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>A phase of the drill and when it ran (null when the run never reached it).</summary>
internal sealed record GanttPhase(string Name, (TimeSpan Start, TimeSpan End)? Span);

/// <summary>
/// Derives the six phases from what the run recorded: steps where they ran, journal marks otherwise.
/// Detection runs from T0 to the first failed check; verification from the end of the restore to T1.
/// </summary>
internal static class GanttPhases
{
    public static IReadOnlyList<GanttPhase> Of(RunRecord run)
    {
        TimeSpan? First(JournalMark mark) => run.Journal.Where(e => e.Mark == mark).Select(e => (TimeSpan?)e.Elapsed).Min();
        TimeSpan? Last(JournalMark mark) => run.Journal.Where(e => e.Mark == mark).Select(e => (TimeSpan?)e.Elapsed).Max();

        var attackStart = First(JournalMark.AttackStart);
        var impact = First(JournalMark.Impact);
        var restoreStart = First(JournalMark.RestoreStart);
        var restoreEnd = Last(JournalMark.RestoreEnd);
        var recovered = First(JournalMark.Recovered);
        var baselineEnd = attackStart ?? Last(JournalMark.Baseline);
        var start = run.Journal.Select(e => (TimeSpan?)e.Elapsed).Min();

        return
        [
            new("baseline", Between(start, baselineEnd)),
            new("attack", StepsOf(run, "attack") ?? Between(attackStart, restoreStart ?? impact ?? attackStart)),
            new("detection", Between(attackStart, impact)),
            new("restore", StepsOf(run, "restore") ?? Between(restoreStart, restoreEnd ?? recovered)),
            new("verify", Between(restoreEnd, recovered) ?? ChecksOf(run, "verify")),
            new("rollback", Rollback(run)),
        ];
    }

    private static (TimeSpan, TimeSpan)? Between(TimeSpan? from, TimeSpan? to) =>
        from is { } f && to is { } t && t >= f ? (f, t) : null;

    private static (TimeSpan, TimeSpan)? StepsOf(RunRecord run, string phase)
    {
        var steps = run.Steps.Where(s => s.Phase == phase).ToList();
        return steps.Count == 0 ? null : (steps.Min(s => s.StartedAt), steps.Max(s => s.StartedAt + s.Duration));
    }

    private static (TimeSpan, TimeSpan)? ChecksOf(RunRecord run, string phase)
    {
        var checks = run.Checks.Where(c => c.Phase == phase).ToList();
        return checks.Count == 0 ? null : (checks.Min(c => c.At), checks.Max(c => c.LastAt ?? c.At));
    }

    /// <summary>From the first rollback event to the last, or to the run's end when only one was written.</summary>
    private static (TimeSpan, TimeSpan)? Rollback(RunRecord run)
    {
        var marks = run.Journal.Where(e => e.Mark == JournalMark.Rollback).Select(e => e.Elapsed).ToList();
        if (marks.Count == 0)
        {
            return StepsOf(run, "rollback");
        }

        var end = marks.Count > 1
            ? marks.Max()
            : run.Journal.Where(e => e.Elapsed >= marks[0] && e.Mark is JournalMark.Finished or JournalMark.Aborted).Select(e => e.Elapsed).DefaultIfEmpty(marks[0]).Max();
        return (marks.Min(), end);
    }
}
