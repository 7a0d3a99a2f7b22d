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
        report.Tables.Add(Sources(byInterval));
        var costs = new Table("One probe of each of the portal's five checks, timed by the bench with drills' check runner on a healthy portal",
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
    /// Where drills' error comes from: the wait from the service's return to the send of the probe whose answer is T1,
    /// plus that probe's answer time. Probes are placed by drills' log, which records every probe with its duration.
    /// </summary>
    private static Table Sources(IEnumerable<IGrouping<TimeSpan, DrillTiming>> byInterval)
    {
        var table = new Table("Sources of error (probes placed by drills' log): error = wait for the passing probe + its answer time",
            "probe interval", "the check's probes, send to send", "passing probe: T1 − its send", "wait: stopwatch up → its send",
            "every exec check T0 → T1", "stopwatch's gap at the up (its own resolution)");
        foreach (var group in byInterval)
        {
            table.Add(Ms(group.Key), Spread(group.Select(d => d.Spacing)), Spread(group.Select(d => d.T1AfterProbeSent)),
                Spread(group.Select(d => d.WaitForProbe)), Spread(group.SelectMany(d => d.ExecSeconds.Select(s => (double?)s))),
                Spread(group.Select(d => (double?)(d.Up - d.UpSince).TotalSeconds)));
        }

        return table;
    }

    /// <summary>"412 ms (max 530 ms)" of a sample.</summary>
    private static string Spread(IEnumerable<double?> seconds)
    {
        var stats = Stats.Of(seconds.OfType<double>());
        return stats.Count == 0 ? "—" : $"{Ms(stats.Median)} (max {Ms(stats.Max)})";
    }

    private static string WhyLate(IEnumerable<DrillTiming> group)
    {
        var drills = group.ToArray();
        var wait = Stats.Of(drills.Select(d => d.WaitForProbe).OfType<double>()).Median;
        var answer = Stats.Of(drills.Select(d => d.T1AfterProbeSent).OfType<double>()).Median;
        var spacing = Stats.Of(drills.Select(d => d.Spacing).OfType<double>()).Median;
        return double.IsNaN(wait)
            ? "the passing probes could not be placed from drills' log"
            : $"the passing probe was sent {Ms(wait)} after the service was up and answered {Ms(answer)} later (medians); the check's probes were {Ms(spacing)} apart";
    }

    private static double Worst(double[] errors) => errors.Length == 0 ? double.NaN : errors.MaxBy(Math.Abs);

    private static string Count<T>(IEnumerable<T> items) => items.Count().ToString(CultureInfo.InvariantCulture);

    private static string Over(double value, TimeSpan limit) => Ms(Math.Abs(value) - limit.TotalSeconds);

    private static string Signed(double seconds) => double.IsNaN(seconds) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:+0;-0;0} ms");

    private static string Ms(double seconds) => double.IsNaN(seconds) ? "—" : string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0} ms");

    private static string Ms(TimeSpan span) => Ms(span.TotalSeconds);

    private static string Sec(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} s");
}
