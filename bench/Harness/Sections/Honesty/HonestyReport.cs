using System.Globalization;
using Drills.Bench.Measuring;
using Drills.Bench.Output;

namespace Drills.Bench.Sections.Honesty;

/// <summary>The section's tables and targets from its drills: errors by probe interval, by start delay, and their sources.</summary>
internal static class HonestyReport
{
    /// <summary>The stopwatch's poll period: its own resolution.</summary>
    public static readonly TimeSpan StopwatchEvery = TimeSpan.FromMilliseconds(50);

    public static void Fill(SectionReport report, IReadOnlyList<DrillTiming> drills, IReadOnlyList<(string Check, Stats Seconds)> probeCost)
    {
        var byInterval = drills.GroupBy(d => d.Interval).OrderBy(g => g.Key).ToArray();
        var summary = new Table("Error of drills' T1 against the stopwatch's first up after the kill (signed: drills late = positive)",
            "probe interval", "drills", "median error", "worst error", "drills T1 − T0 (median)", "stopwatch up − T0 (median)");
        foreach (var group in byInterval)
        {
            var errors = group.Select(d => d.Error).ToArray();
            var median = Stats.Of(errors).Median;
            var worst = Worst(errors);
            summary.Add(Ms(group.Key), Count(group), Signed(median), Signed(worst),
                Sec(Stats.Of(group.Select(d => d.DrillsRecovery)).Median), Sec(Stats.Of(group.Select(d => d.StopwatchRecovery)).Median));
            var half = group.Key / 2;
            report.Targets.Add(new Target($"median error ≤ half the probe interval ({Ms(half)} at {Ms(group.Key)})", Signed(median),
                Math.Abs(median) <= half.TotalSeconds, Math.Abs(median) <= half.TotalSeconds ? "" : $"{Over(median, half)} over: {WhyLate(group)}"));
            var limit = group.Key + StopwatchEvery;
            report.Targets.Add(new Target($"worst error ≤ one probe interval + 50 ms ({Ms(limit)} at {Ms(group.Key)})", Signed(worst),
                Math.Abs(worst) <= limit.TotalSeconds, Math.Abs(worst) <= limit.TotalSeconds ? "" : $"{Over(worst, limit)} over: {WhyLate(group)}"));
        }

        report.Tables.Add(summary);
        report.Tables.Add(ByDelay(drills));
        report.Tables.Add(Sources(byInterval, probeCost));
        var costs = new Table("One probe round of the portal's five checks, timed by the bench with drills' check runner on a healthy portal",
            "check", "median", "max");
        foreach (var (check, seconds) in probeCost)
        {
            costs.Add(check, Ms(seconds.Median), Ms(seconds.Max));
        }

        report.Tables.Add(costs);
    }

    private static Table ByDelay(IReadOnlyList<DrillTiming> drills)
    {
        var table = new Table("By probe interval and start delay (the portal answers its delay after the start step; figures are medians, worst beside)",
            "probe interval", "start delay", "drills", "median error", "worst error", "drills T1 − T0", "stopwatch up − T0", "up − start step end", "kill seen after T0");
        foreach (var group in drills.GroupBy(d => (d.Interval, d.Portal.Delay)).OrderBy(g => g.Key.Interval).ThenBy(g => g.Key.Delay))
        {
            var errors = group.Select(d => d.Error).ToArray();
            table.Add(Ms(group.Key.Interval), group.First().Portal.Label, Count(group), Signed(Stats.Of(errors).Median), Signed(Worst(errors)),
                Sec(Stats.Of(group.Select(d => d.DrillsRecovery)).Median), Sec(Stats.Of(group.Select(d => d.StopwatchRecovery)).Median),
                Sec(Stats.Of(group.Select(d => d.UpAfterStart)).Median), Ms(Stats.Of(group.Select(d => d.DownAfterT0)).Median));
        }

        return table;
    }

    /// <summary>
    /// Where drills' lateness comes from: T1 is the end of the first passing round, which started after the nap that
    /// followed the last failing round. So error ≈ (wait from up to that round's start) + (the round's duration).
    /// </summary>
    private static Table Sources(IEnumerable<IGrouping<TimeSpan, DrillTiming>> byInterval, IReadOnlyList<(string Check, Stats Seconds)> probeCost)
    {
        var round = probeCost[^1].Seconds.Median;
        var table = new Table("Sources of error: T1 is the end of the first passing round; rounds are a nap of one interval apart",
            "probe interval", "cycle before T1: failed round end → T1 (median, max)", "cycle − interval: round + timer overrun (median)",
            "bench-timed healthy round (median)", "up → start of the passing round (median, max)");
        foreach (var group in byInterval)
        {
            var cycles = group.Where(d => d.Cycle is not null).Select(d => d.Cycle!.Value.TotalSeconds).ToArray();
            var cycle = Stats.Of(cycles);
            var overrun = cycle.Median - group.Key.TotalSeconds;
            // The passing round ran for about one round duration before T1: what is left of the error is the wait.
            var wait = Stats.Of(group.Select(d => d.Error - round));
            table.Add(Ms(group.Key), cycle.Count == 0 ? "—" : $"{Ms(cycle.Median)} ({Ms(cycle.Max)})", cycle.Count == 0 ? "—" : Ms(overrun), Ms(round),
                $"{Ms(wait.Median)} ({Ms(wait.Max)})");
        }

        return table;
    }

    private static string WhyLate(IEnumerable<DrillTiming> group)
    {
        var cycles = group.Where(d => d.Cycle is not null).Select(d => d.Cycle!.Value.TotalSeconds).ToArray();
        return cycles.Length == 0
            ? "T1 is taken at the end of a probe round, after a nap of a whole interval"
            : $"T1 is taken at the end of a probe round and rounds are {Ms(Stats.Of(cycles).Median)} apart (a nap of the interval after each round), so drills sees the service up on average half a cycle plus one round after it is";
    }

    private static double Worst(double[] errors) => errors.Length == 0 ? double.NaN : errors.MaxBy(Math.Abs);

    private static string Count<T>(IEnumerable<T> items) => items.Count().ToString(CultureInfo.InvariantCulture);

    private static string Over(double value, TimeSpan limit) => Ms(Math.Abs(value) - limit.TotalSeconds);

    private static string Signed(double seconds) => double.IsNaN(seconds) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:+0;-0;0} ms");

    private static string Ms(double seconds) => double.IsNaN(seconds) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0} ms");

    private static string Ms(TimeSpan span) => Ms(span.TotalSeconds);

    private static string Sec(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} s");
}
