using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Overhead;

/// <summary>
/// Cuts one <c>drills run</c> process into phases at the boundaries its own record already holds: the harness's
/// process start, the drill clock's start, the journal's marks (readiness gate, T0, restore start and end, recovery
/// confirmed, finished) and the process's exit. Nothing is added to drills to measure it.
/// </summary>
internal static class PhaseSplit
{
    public const string StartUp = "start-up: process start → drill clock";

    /// <summary>The phases in order, each with the instant it ends; a phase whose end is missing is folded into the next.</summary>
    public static IReadOnlyList<Phase> Of(Cycle cycle, RunRecord run, IReadOnlyList<EngineCall> calls)
    {
        var journal = run.Journal.OrderBy(e => e.Sequence).ToList();
        DateTimeOffset? At(Func<JournalEvent, bool> match) => journal.FirstOrDefault(match)?.TimestampUtc;
        (string Name, DateTimeOffset? End)[] bounds =
        [
            (StartUp, run.StartedAtUtc),
            ("run opened: catalogue kept, record begun", At(e => e.Mark == JournalMark.Started)),
            ("target resolution and readiness gate (one round of checks)", At(e => e.Mark == JournalMark.Note && e.Message.StartsWith("Readiness gate", StringComparison.Ordinal))),
            ("baseline: snapshot and inspect, up to T0", At(e => e.Mark == JournalMark.AttackStart)),
            ("attack: kill, until impact is seen", At(e => e.Mark == JournalMark.RestoreStart)),
            ("restore: start", At(e => e.Mark == JournalMark.RestoreEnd)),
            ("verification: probes until recovery is confirmed", Confirmed(journal)),
            ("cleanup attestation", At(e => e.Mark == JournalMark.Finished)),
            ("run record, report, evidence, exit", cycle.Ended),
        ];

        var phases = new List<Phase>();
        var from = cycle.Started;
        var names = new List<string>();
        foreach (var (name, end) in bounds)
        {
            names.Add(name);
            if (end is not { } to || to < from)
            {
                continue;
            }

            phases.Add(new Phase(string.Join(" + ", names), to - from, EngineCall.Busy(calls, from, to), cycle.Cpu.Between(from, to)));
            (from, names) = (to, []);
        }

        return phases;
    }

    /// <summary>
    /// When recovery was known: T1 itself is dated back to the start of the passing streak, so the moment is the
    /// event recorded right after it (the verdict on the target), or T1 when nothing followed.
    /// </summary>
    private static DateTimeOffset? Confirmed(List<JournalEvent> journal)
    {
        var at = journal.FindIndex(e => e.Mark == JournalMark.Recovered);
        if (at < 0)
        {
            return null;
        }

        var t1 = journal[at].TimestampUtc;
        return at + 1 < journal.Count && journal[at + 1].TimestampUtc > t1 ? journal[at + 1].TimestampUtc : t1;
    }
}
