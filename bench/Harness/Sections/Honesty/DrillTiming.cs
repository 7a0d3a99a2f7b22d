using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One kill → start drill seen twice: by drills (its stored run: T0 and T1 = T0 + the measured recovery time) and by
/// the stopwatch (the first poll that saw the service down after T0, then the first that saw it up again).
/// </summary>
/// <param name="StartEnded">When the restore's start step returned: the container runs, its delay begins.</param>
/// <param name="Passing">The probe round that found the portal up again, placed by drills' log; null when unseen.</param>
/// <param name="Previous">The round before it (the last that found it down, when its execs ran); null when unseen.</param>
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
    ProbeRound? Passing,
    ProbeRound? Previous,
    IReadOnlyList<double> ExecSeconds)
{
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

    /// <summary>The stopwatch's up to the start of the passing round, seconds: the part of the error spent waiting for a round.</summary>
    public double? WaitForRound => Passing is { } round ? (round.Start - Up).TotalSeconds : null;

    /// <summary>T1 after the passing round's start, seconds: how much of that round's duration T1 counts.</summary>
    public double? T1AfterRoundStart => Passing is { } round ? (T1 - round.Start).TotalSeconds : null;

    /// <summary>From the round before to the passing one, start to start: the probing period as it was.</summary>
    public double? Spacing => Passing is { } round && Previous is { } before ? (round.Start - before.Start).TotalSeconds : null;

    /// <summary>Reads one finished drill from its stored run, drills' log of its exec calls and the stopwatch's transitions around it.</summary>
    public static DrillTiming Of(SlowPortal portal, TimeSpan interval, RunRecord run, IReadOnlyList<ExecCall> execs, IReadOnlyList<Transition> seen)
    {
        var attack = run.Journal.First(e => e.Mark == JournalMark.AttackStart);
        // The journal's wall times are the drill's start plus its monotonic elapsed time; so are the steps'.
        var origin = attack.TimestampUtc - attack.Elapsed;
        var t0 = attack.TimestampUtc;
        var recovery = run.RecoveryTime ?? throw new InvalidOperationException($"run {run.RunId} did not recover ({run.Outcome})");
        var t1 = t0 + recovery;
        var down = seen.FirstOrDefault(t => !t.Up && t.At > t0)
            ?? throw new InvalidOperationException($"run {run.RunId}: the stopwatch never saw the portal down after T0");
        var up = seen.FirstOrDefault(t => t.Up && t.At > down.At)
            ?? throw new InvalidOperationException($"run {run.RunId}: the stopwatch never saw the portal up again");
        var start = run.Steps.Last(s => s.Phase == "restore");
        var during = execs.Where(e => e.Start >= t0 && e.Start <= t1 + interval).ToArray();
        var rounds = ProbeRound.Of(during, Together(interval));
        // T1 is the passing round's start (or a restore step's end while it was out); were it the round's end, the round ending there.
        var tolerance = Together(interval);
        var passing = rounds.FirstOrDefault(r => Abs(r.Start - t1) <= tolerance)
            ?? rounds.LastOrDefault(r => r.Start - tolerance <= t1 && t1 <= r.End + tolerance);
        var index = passing is null ? -1 : rounds.ToList().IndexOf(passing);
        return new DrillTiming(portal, interval, t0, t1, down.At, up.At, up.Since ?? up.At, origin + start.StartedAt + start.Duration,
            passing, index > 0 ? rounds[index - 1] : null,
            during.Where(e => e.Start <= t1).Select(e => e.Elapsed.TotalSeconds).ToArray());
    }

    /// <summary>How close exec calls of one round are sent: well under the interval between rounds.</summary>
    private static TimeSpan Together(TimeSpan interval) => Min(TimeSpan.FromMilliseconds(40), interval / 2);

    private static TimeSpan Abs(TimeSpan span) => span.Duration();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
