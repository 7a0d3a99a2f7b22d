using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One kill → start drill seen twice: by drills (its stored run: T0 and T1 = T0 + the measured recovery time) and by
/// the stopwatch (the first poll that saw the service down after T0, then the first that saw it up again).
/// </summary>
/// <param name="StartEnded">When the restore's start step returned: the container runs, its delay begins.</param>
/// <param name="Cycle">T1 minus the end of the failing probe round before it: one nap plus one round; null when unseen.</param>
/// <param name="PassingRound">How long the first passing round took (T1 minus the start of its first exec, from drills' log); null when unseen.</param>
/// <param name="ExecSeconds">Every exec check drills ran between T0 and T1, seconds each.</param>
internal sealed record DrillTiming(
    SlowPortal Portal,
    TimeSpan Interval,
    DateTimeOffset T0,
    DateTimeOffset T1,
    DateTimeOffset Down,
    DateTimeOffset Up,
    DateTimeOffset UpSince,
    DateTimeOffset StartEnded,
    TimeSpan? Cycle,
    TimeSpan? PassingRound,
    IReadOnlyList<double> ExecSeconds)
{
    /// <summary>Allowance for the log line of an exec written just before the round's end is read.</summary>
    private static readonly TimeSpan LogSlack = TimeSpan.FromMilliseconds(20);

    /// <summary>Signed error of drills' T1 against the stopwatch's first up, seconds: positive when drills is late.</summary>
    public double Error => (T1 - Up).TotalSeconds;

    /// <summary>The recovery time drills measured (T1 − T0).</summary>
    public double DrillsRecovery => (T1 - T0).TotalSeconds;

    /// <summary>The same span on the stopwatch: its first up minus T0 (the kill).</summary>
    public double StopwatchRecovery => (Up - T0).TotalSeconds;

    /// <summary>The stopwatch's first up minus the end of the start step: the portal's delay plus nginx's start.</summary>
    public double UpAfterStart => (Up - StartEnded).TotalSeconds;

    /// <summary>T0 to the stopwatch's first poll that saw the kill.</summary>
    public double DownAfterT0 => (Down - T0).TotalSeconds;

    /// <summary>The stopwatch's up to the start of drills' first passing round, seconds: the part of the error spent waiting for a round.</summary>
    public double? WaitForRound => PassingRound is { } round ? (T1 - round - Up).TotalSeconds : null;

    /// <summary>The nap drills actually took between the last failing round and the passing one.</summary>
    public double? Nap => Cycle is { } cycle && PassingRound is { } round ? (cycle - round).TotalSeconds : null;

    /// <summary>Reads one finished drill from its stored run, drills' log of its exec calls and the stopwatch's transitions around it.</summary>
    public static DrillTiming Of(SlowPortal portal, TimeSpan interval, RunRecord run, IReadOnlyList<ExecCall> execs, IReadOnlyList<Transition> seen)
    {
        var attack = run.Journal.First(e => e.Mark == JournalMark.AttackStart);
        // The journal's wall times are the drill's start plus its monotonic elapsed time; so are the steps' and probes'.
        var origin = attack.TimestampUtc - attack.Elapsed;
        var t0 = attack.TimestampUtc;
        var recovery = run.RecoveryTime ?? throw new InvalidOperationException($"run {run.RunId} did not recover ({run.Outcome})");
        var t1 = t0 + recovery;
        var down = seen.FirstOrDefault(t => !t.Up && t.At > t0)
            ?? throw new InvalidOperationException($"run {run.RunId}: the stopwatch never saw the portal down after T0");
        var up = seen.FirstOrDefault(t => t.Up && t.At > down.At)
            ?? throw new InvalidOperationException($"run {run.RunId}: the stopwatch never saw the portal up again");
        var start = run.Steps.Last(s => s.Phase == "restore");
        var cycle = CycleBefore(run, attack.Elapsed + recovery);
        // The passing round's execs began after the failing round before it ended (or, unseen, within one interval of T1).
        var after = t1 - (cycle ?? interval);
        var round = execs.Where(e => e.Start >= after && e.End <= t1 + LogSlack).Select(e => (TimeSpan?)(t1 - e.Start)).Max();
        return new DrillTiming(portal, interval, t0, t1, down.At, up.At, up.Since ?? up.At, origin + start.StartedAt + start.Duration, cycle, round,
            execs.Where(e => e.End > t0 && e.End <= t1 + LogSlack).Select(e => e.Elapsed.TotalSeconds).ToArray());
    }

    /// <summary>T1 minus the latest end of a failed restore-phase probe before it (failed items of one round share its end).</summary>
    private static TimeSpan? CycleBefore(RunRecord run, TimeSpan t1)
    {
        var failedEnds = run.Checks
            .Where(c => c.Phase == "restore" && !c.Passed)
            .Select(c => c.LastAt ?? c.At)
            .Where(at => at < t1)
            .ToArray();
        return failedEnds.Length == 0 ? null : t1 - failedEnds.Max();
    }
}
