using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Drills.Bench.Measuring;
using Drills.Bench.Output;
using Drills.Bench.Serving;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.Loading;
using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Sections;

/// <summary>
/// Section 3: N drills at once under one <c>drills serve</c>. Each of N sample portals (its own container, port and
/// system in one catalogue) has a kill → restart → checks drill scheduled at the same known instant a few seconds after
/// the service is up; the service's limit is N, so all N start at that fire. One serve per N, on a fresh data directory.
/// </summary>
internal sealed partial class Concurrency : ISection
{
    private const int FirstPort = 19331;
    private static readonly TimeSpan DrillsWithin = TimeSpan.FromMinutes(3);

    public int Number => 3;

    public string Title => "Concurrency";

    public async Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int[] levels = context.Quick ? [1, 5] : [1, 5, 10, 20];
        var loadBefore = LoadAverage.Now();
        var rounds = context.Rounds(full: 1, quick: 1);
        var folder = context.Folder("concurrency");
        var results = levels.ToDictionary(n => n, _ => new List<LevelResult>());
        await using (var containers = new BenchContainers())
        {
            var all = CatalogueLoader.LoadText(Catalogue(levels.Max(), at: null), "bench.yaml");
            context.Progress.WriteLine($"  creating {levels.Max()} portal containers");
            await containers.CreateAsync(all.Catalogue!.Systems.Values, cancellationToken);
            var lead = TimeSpan.FromSeconds(6);
            for (var round = 0; round < rounds; round++)
            {
                // Alternate the order, so a machine slowing down over the section does not fall on the large N alone.
                foreach (var n in round % 2 == 0 ? levels : levels.Reverse())
                {
                    var result = await RunLevelAsync(context, Path.Combine(folder, $"r{round}-n{n}"), n, lead, cancellationToken);
                    results[n].Add(result);
                    // The next fire is placed past one and a half times this start-up, so a slower start never steps over it.
                    lead = TimeSpan.FromSeconds(Math.Max(3, (1.5 * result.StartUp.TotalSeconds) + 1));
                    context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round + 1}, {n} at once: {result.Passed}/{n} passed, last stored {result.Total.TotalSeconds:0.00} s after the fire, peak RSS {result.PeakRssKiB / 1024} MiB"));
                }
            }
        }

        var report = Report(levels, rounds, results);
        report.Notes.Add($"Load average (1 min) when the section began: {loadBefore}; when it ended: {LoadAverage.Now()}.");
        return report;
    }

    private static async Task<LevelResult> RunLevelAsync(BenchContext context, string dataDir, int n, TimeSpan lead, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var at = FireInstant.Ahead(lead);
        var file = Path.Combine(dataDir, "bench.yaml");
        await File.WriteAllTextAsync(file, Catalogue(n, at), cancellationToken);
        TimeSpan startUp;
        double cpu;
        long peak;
        await using (var serve = ServeProcess.Start(context, file, dataDir, "--max-concurrent", n.ToString(CultureInfo.InvariantCulture)))
        {
            try
            {
                startUp = await serve.WaitForAsync("drills serve started", TimeSpan.FromMinutes(1), cancellationToken);
                await serve.WaitForAsync(DrillEnded(), (at - DateTimeOffset.UtcNow) + DrillsWithin, cancellationToken, times: n);
                cpu = serve.CpuSeconds();
                peak = serve.PeakRssKiB;
            }
            finally
            {
                await serve.StopAsync(TimeSpan.FromMinutes(4), cancellationToken);
            }
        }

        var runs = new SqliteRunStore(Path.Combine(dataDir, "drills.db")).List(100).Where(r => r.Origin.ScheduledForUtc == at).ToList();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return new LevelResult(n, at, runs, startUp, peak, cpu);
    }

    private SectionReport Report(int[] levels, int rounds, Dictionary<int, List<LevelResult>> results)
    {
        var report = new SectionReport(Number, Title);
        var alone = Stats.Of(results[1].SelectMany(r => r.RunWalls)).Median;
        var table = new Table($"N kill → restart → checks drills fired at one instant under one drills serve (--max-concurrent N); medians of {rounds} round(s)",
            "N", "passed", "fire → last run stored", "start after fire (median / max)", "run wall (median)", "per-drill overhead vs alone", "recovery (median)",
            "peak RSS MiB", "CPU s (per drill)", "catch-ups");
        foreach (var n in levels)
        {
            var of = results[n];
            var wall = Stats.Of(of.SelectMany(r => r.RunWalls)).Median;
            var cpu = Stats.Of(of.Select(r => r.CpuSeconds)).Median;
            table.Add(n.ToString(CultureInfo.InvariantCulture),
                $"{of.Sum(r => r.Passed)}/{of.Sum(r => r.Runs.Count)} of {n * of.Count}",
                Stats.Of(of.Select(r => r.Total.TotalSeconds)).Seconds("0.00"),
                Inv($"{Stats.Of(of.SelectMany(r => r.StartLags)).Median:0.00} / {of.SelectMany(r => r.StartLags).DefaultIfEmpty(double.NaN).Max():0.00} s"),
                Inv($"{wall:0.00} s"),
                Inv($"{wall - alone:+0.00;-0.00;0.00} s ({wall / alone:0.00}×)"),
                Inv($"{Stats.Of(of.SelectMany(r => r.Recoveries)).Median:0.000} s"),
                Inv($"{Stats.Of(of.Select(r => r.PeakRssKiB / 1024.0)).Median:0}"),
                Inv($"{cpu:0.0} ({cpu / n:0.00})"),
                of.Sum(r => r.CatchUps).ToString(CultureInfo.InvariantCulture));
        }

        report.Tables.Add(table);
        var top = levels.Max();
        var rss = Stats.Of(results[top].Select(r => r.PeakRssKiB / 1024.0)).Median;
        var all = results[top].All(r => r.Passed == top);
        report.Targets.Add(top == 20
            ? new Target("20 concurrent drills under one serve in under 300 MB RSS", Inv($"{rss:0} MiB peak, {results[top].Sum(r => r.Passed)}/{20 * results[top].Count} passed"),
                rss * 1.048576 < 300 && all, rss * 1.048576 < 300 ? (all ? "" : "not every drill passed") : Inv($"{rss * 1.048576 - 300:0} MB over"))
            : new Target("20 concurrent drills under one serve in under 300 MB RSS", Inv($"{rss:0} MiB peak at {top} (--quick)"), null, "--quick runs 1 and 5 only"));
        report.Notes.Add("Each N has its own serve and data directory; the N portals (drills/portal:1, 127.0.0.1:19331…) are created before anything is timed and removed at the end. " +
                         "Every drill is scheduled at the same whole second (a Quartz cron with its year), placed at least 1.5× the last start-up ahead so no fire is stepped over; a catch-up would show in the last column.");
        report.Notes.Add("fire → last run stored: the fire instant to the latest EndedAtUtc in the run store; start after fire: each run's StartedAtUtc − the fire; run wall: each run's EndedAtUtc − StartedAtUtc; " +
                         "per-drill overhead: the median run wall at N minus the median alone (N = 1). Peak RSS: VmHWM of the serve process sampled every 50 ms; CPU: its utime + stime read just before SIGTERM (start-up included).");
        return report;
    }

    /// <summary>The engine's last line of a drill: "Drill RUN_ID ended Passed (Passed)".</summary>
    [GeneratedRegex(@"\] Drill \S+ ended \w+ \(", RegexOptions.CultureInvariant)]
    private static partial Regex DrillEnded();

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>N portals, each with one kill drill; scheduled at <paramref name="at"/>, or on demand when null.</summary>
    private static string Catalogue(int n, DateTimeOffset? at)
    {
        var text = new StringBuilder("version: 1\ndefaults: { timezone: Etc/UTC, probe_interval: 200ms, max_duration: 2m }\nsystems:\n");
        for (var i = 0; i < n; i++)
        {
            var port = FirstPort + i;
            text.Append(CultureInfo.InvariantCulture, $"""
                  p{i}:
                    title: Bench portal {i}
                    agency: Bench
                    security_level: 3
                    rto_target: 4h
                    container: {"{"} image: "drills/portal:1", name: drills-bench-serve-c{i}, ports: ["127.0.0.1:{port}:8080"] {"}"}
                    checks: [{"{"} http: "http://127.0.0.1:{port}/health", expect: 200 {"}"}]

                """);
        }

        text.Append("scenarios:\n");
        for (var i = 0; i < n; i++)
        {
            var schedule = at is { } fire ? $", schedule: \"{FireInstant.Cron(fire)}\"" : "";
            text.Append(CultureInfo.InvariantCulture, $"  k{i}: {{ title: Kill portal {i}, system: p{i}, attack: [kill: {{}}], restore: [restart: {{}}], verify: [checks]{schedule} }}\n");
        }

        return text.ToString();
    }

    /// <summary>One serve with N drills fired at one instant, as its run store recorded them.</summary>
    private sealed record LevelResult(int N, DateTimeOffset At, List<RunRecord> Runs, TimeSpan StartUp, long PeakRssKiB, double CpuSeconds)
    {
        public int Passed => Runs.Count(r => r.Outcome == RunOutcome.Passed);

        public int CatchUps => Runs.Count(r => r.Origin.Trigger == RunTrigger.CatchUp);

        public TimeSpan Total => Runs.Count == 0 ? TimeSpan.Zero : Runs.Max(r => r.EndedAtUtc ?? At) - At;

        public IEnumerable<double> StartLags => Runs.Select(r => (r.StartedAtUtc - At).TotalSeconds);

        public IEnumerable<double> RunWalls => Runs.Where(r => r.EndedAtUtc is not null).Select(r => (r.EndedAtUtc!.Value - r.StartedAtUtc).TotalSeconds);

        public IEnumerable<double> Recoveries => Runs.Where(r => r.RecoveryTime is not null).Select(r => r.RecoveryTime!.Value.TotalSeconds);
    }
}
