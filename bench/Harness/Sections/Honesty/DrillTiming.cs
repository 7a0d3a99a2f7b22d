using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One kill → start drill seen twice: by drills (its stored run: T0 and T1 = T0 + the measured recovery time) and by
/// the stopwatch (the first poll that saw the service down after T0, then the first that saw it up again).
/// </summary>
/// <param name="StartEnded">When the restore's start step returned: the container runs, its delay begins.</param>
/// <param name="Passing">The probe whose answer is T1 (the last check to pass, passing), placed by drills' log; null when unseen.</param>
/// <param name="Previous">The probe of the same check before it (the last that found it down); null when unseen.</param>
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
    ProbeCall? Passing,
    ProbeCall? Previous,
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

    /// <summary>The stopwatch's up to the passing probe's send, seconds: the part of the error spent waiting for a probe.</summary>
    public double? WaitForProbe => Passing is { } probe ? (probe.Start - Up).TotalSeconds : null;

    /// <summary>T1 after the passing probe was sent, seconds: its answer time, as T1 counts it.</summary>
    public double? T1AfterProbeSent => Passing is { } probe ? (T1 - probe.Start).TotalSeconds : null;

    /// <summary>From the check's probe before to the passing one, send to send: the probing period as it was.</summary>
    public double? Spacing => Passing is { } probe && Previous is { } before ? (probe.Start - before.Start).TotalSeconds : null;

    /// <summary>Reads one finished drill from its stored run, drills' log of its probes and the stopwatch's transitions around it.</summary>
    public static DrillTiming Of(SlowPortal portal, TimeSpan interval, RunRecord run, IReadOnlyList<ProbeCall> probes, IReadOnlyList<Transition> seen)
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
        var during = probes.Where(p => p.Start >= t0 && p.End <= t1 + Near).OrderBy(p => p.Start).ToArray();
        // T1 is the answer of the last check to pass: drills logs the probe as it ends, and times the answer just after.
        var passing = during.Where(p => (p.End - t1).Duration() <= Near).MinBy(p => (p.End - t1).Duration());
        var previous = passing is null ? null : during.LastOrDefault(p => p.What == passing.What && p.Start < passing.Start);
        return new DrillTiming(portal, interval, t0, t1, down.At, up.At, up.Since ?? up.At, origin + start.StartedAt + start.Duration,
            passing, previous, during.Where(p => p.IsExec && p.End <= t1).Select(p => p.Elapsed.TotalSeconds).ToArray());
    }

    /// <summary>How far the log's time of a probe's end may lie from the moment drills timed its answer.</summary>
    private static readonly TimeSpan Near = TimeSpan.FromMilliseconds(15);
}
