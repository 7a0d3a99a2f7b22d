using System.Globalization;
using System.Text;
using Drills.Bench.Measuring;
using Drills.Bench.Output;
using Drills.Bench.Serving;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Sections;

/// <summary>
/// Section 4: <c>drills serve</c> with 1,000 and 10,000 scheduled scenarios in its SQLite job store. A first start on an
/// empty store (every schedule written), then a restart (every schedule read back) with a burst of fires due at one
/// second, whose lateness each fire logs: Quartz's fire time − the scheduled time, on the service's clock.
/// </summary>
internal sealed class SchedulerScale : ISection
{
    private const int Burst = 200;
    private const int Systems = 4;

    /// <summary>A schedule that never fires while the bench runs: 03:00 UTC on 29 February.</summary>
    private const string Never = "0 0 3 29 2 ?";

    public int Number => 4;

    public string Title => "Scheduler scale";

    public async Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int[] sizes = context.Quick ? [1_000] : [1_000, 10_000];
        var loadBefore = LoadAverage.Now();
        var folder = context.Folder("scheduler-scale");
        var report = new SectionReport(Number, Title);
        var startUps = new Table("Start-up of drills serve with N schedules (process start → \"drills serve started\"), one run each",
            "N", "first start (empty store)", "catalogue read + host", "schedule sync", "scheduler start + listing", "restart (store holds them)", "RSS after start MiB (first / restart)");
        var bursts = new Table($"A burst of {Burst} fires due at the same second, on a restart with N schedules",
            "N", "fires logged", "lateness median", "lateness p99", "lateness max", "job started after due (median / p99)", "serve peak RSS MiB");
        var measured = new Dictionary<int, (TimeSpan First, TimeSpan Restart, Stats Lateness)>();
        foreach (var n in sizes)
        {
            var level = await RunSizeAsync(context, Path.Combine(folder, $"n{n}"), n, cancellationToken);
            measured[n] = (level.First.StartUp, level.Restart.StartUp, level.Lateness);
            startUps.Add(Inv($"{n:N0}"), Inv($"{level.First.StartUp.TotalSeconds:0.00} s"), Inv($"{level.First.ToStarting.TotalSeconds:0.00} s"),
                Inv($"{level.First.Sync.TotalSeconds:0.00} s"), Inv($"{level.First.Listing.TotalSeconds:0.00} s"), Inv($"{level.Restart.StartUp.TotalSeconds:0.00} s"),
                Inv($"{level.First.RssKiB / 1024} / {level.Restart.RssKiB / 1024}"));
            bursts.Add(Inv($"{n:N0}"), Inv($"{level.Lateness.Count}/{Burst}"), Inv($"{level.Lateness.Median:0} ms"), Inv($"{level.Lateness.P99:0} ms"),
                Inv($"{level.Lateness.Max:0} ms"), Inv($"{level.JobStart.Median:0} / {level.JobStart.P99:0} ms"), Inv($"{level.PeakRssKiB / 1024}"));
        }

        report.Tables.Add(startUps);
        report.Tables.Add(bursts);
        var top = sizes.Max();
        var (first, restart, lateness) = measured[top];
        var full = top == 10_000;
        report.Targets.Add(new Target("10,000 schedules started in under 10 s", Inv($"{first.TotalSeconds:0.0} s first start, {restart.TotalSeconds:0.0} s restart at {top:N0}"),
            full ? first.TotalSeconds < 10 && restart.TotalSeconds < 10 : null,
            full ? (first.TotalSeconds < 10 && restart.TotalSeconds < 10 ? "" : Inv($"{Math.Max(first.TotalSeconds, restart.TotalSeconds) - 10:0.0} s over on this machine; see the split")) : "--quick runs 1,000 only"));
        report.Targets.Add(new Target("p99 fire lateness under 1 s", Inv($"{lateness.P99:0} ms at {top:N0} schedules"), lateness.Count == 0 ? null : lateness.P99 < 1000,
            lateness.Count == 0 || lateness.P99 < 1000 ? "" : Inv($"{lateness.P99 - 1000:0} ms over")));
        report.Notes.Add(Inv($"A generated catalogue: {Systems} systems, N scenarios each kill → restart, every schedule yearly ({Never}) so none fires during the bench, except the burst's {Burst}, rescheduled before the restart to one whole second a little after the restart should be up."));
        report.Notes.Add("Each burst fire returns at once without drilling: a run for that scenario and due time is already in the run store (written beforehand through the store's API, as a restart after a crash finds one), so the job logs its fire and skips the duplicate. What is timed is Quartz acquiring, firing and dispatching each trigger on the SQLite job store, not a drill.");
        report.Notes.Add($"Load average (1 min) when the section began: {loadBefore}; when it ended: {LoadAverage.Now()}.");
        report.Notes.Add("Lateness: each fire's Debug log event (logs/drills-*.clef) with Quartz's fire time and the scheduled time, both on the service's clock; \"job started\" is when DrillJob began. Start-up split from the same log: process start → \"drills serve starting\" (runtime, catalogue read and validated, Docker ping, host), → \"Schedule applied\" (job store sync), → \"drills serve started\" (scheduler start and one line per schedule).");
        return report;
    }

    private static async Task<SizeResult> RunSizeAsync(BenchContext context, string dataDir, int n, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var file = Path.Combine(dataDir, "bench.yaml");
        await File.WriteAllTextAsync(file, Catalogue(n, burstAt: null), cancellationToken);
        context.Progress.WriteLine(Inv($"  {n:N0} schedules: first start"));
        var first = await StartAndStopAsync(context, file, dataDir, burstAt: null, cancellationToken);
        context.Progress.WriteLine(Inv($"  {n:N0} schedules: started in {first.StartUp.TotalSeconds:0.00} s; restart with a burst of {Burst}"));

        // The restart reads every schedule back and rewrites the burst's: placed well past the first start-up.
        var at = FireInstant.Ahead(TimeSpan.FromSeconds(Math.Max(5, (1.5 * first.StartUp.TotalSeconds) + 3)));
        WriteFoundRuns(dataDir, at);
        await File.WriteAllTextAsync(file, Catalogue(n, at), cancellationToken);
        var restart = await StartAndStopAsync(context, file, dataDir, at, cancellationToken);
        var fires = ClefEvents.Read(dataDir, "Fire of {Scenario}").Where(e => ClefEvents.TimeOf(e, "Due") == at).ToList();
        var lateness = Stats.Of(fires.Select(e => (ClefEvents.TimeOf(e, "Fired") - at).TotalMilliseconds));
        var jobStart = Stats.Of(fires.Select(e => (ClefEvents.TimeOf(e, "JobStarted") - at).TotalMilliseconds));
        context.Progress.WriteLine(Inv($"  {n:N0} schedules: restart in {restart.StartUp.TotalSeconds:0.00} s, {fires.Count} fires, p99 lateness {lateness.P99:0} ms"));
        return new SizeResult(first, restart, lateness, jobStart, restart.PeakRssKiB);
    }

    private static async Task<StartResult> StartAndStopAsync(BenchContext context, string file, string dataDir, DateTimeOffset? burstAt, CancellationToken cancellationToken)
    {
        await using var serve = ServeProcess.Start(context, file, dataDir);
        var from = DateTimeOffset.UtcNow;
        try
        {
            var startUp = await serve.WaitForAsync("drills serve started", TimeSpan.FromMinutes(10), cancellationToken);
            var rss = serve.RssKiB();
            if (burstAt is { } at)
            {
                await serve.WaitForAsync("already has a run; not running it twice", (at - DateTimeOffset.UtcNow) + TimeSpan.FromMinutes(2), cancellationToken, times: Burst);
            }

            var peak = serve.PeakRssKiB;
            await serve.StopAsync(TimeSpan.FromMinutes(2), cancellationToken);
            DateTimeOffset Logged(string template) =>
                ClefEvents.Read(dataDir, template).Select(ClefEvents.Time).Where(t => t >= from.AddSeconds(-1)).DefaultIfEmpty(serve.StartedUtc).Min();
            var starting = Logged("drills serve starting");
            var applied = Logged("Schedule applied");
            var started = Logged("drills serve started");
            return new StartResult(startUp, starting - serve.StartedUtc, applied - starting, started - applied, rss, peak);
        }
        finally
        {
            await serve.StopAsync(TimeSpan.FromMinutes(2), cancellationToken);
        }
    }

    /// <summary>A skipped run for each burst scenario at its due time, through the run store's own API.</summary>
    private static void WriteFoundRuns(string dataDir, DateTimeOffset at)
    {
        var store = new SqliteRunStore(Path.Combine(dataDir, "drills.db"));
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Burst; i++)
        {
            store.Begin(new RunRecord
            {
                RunId = RunIds.New(now),
                ScenarioId = Inv($"s{i}"),
                ScenarioTitle = "t",
                SystemId = Inv($"y{i % Systems}"),
                SystemTitle = "Bench system",
                Agency = "Bench",
                SecurityLevel = 3,
                ContainerName = Inv($"drills-bench-serve-s{i % Systems}"),
                CatalogueSha256 = "bench",
                StartedAtUtc = now,
                EndedAtUtc = now,
                Outcome = RunOutcome.Skipped,
                SkipReason = "bench: recorded before the fire, so the fire finds its run",
                RtoTarget = TimeSpan.FromHours(4),
                Origin = new RunOrigin(RunTrigger.Schedule, at),
            });
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>
    /// N scenarios on a few systems whose image does not exist (nothing is ever created), written compactly: every
    /// schedule yearly, except the burst's first <see cref="Burst"/> at <paramref name="burstAt"/>.
    /// </summary>
    private static string Catalogue(int n, DateTimeOffset? burstAt)
    {
        var text = new StringBuilder("version: 1\ndefaults: { timezone: Etc/UTC, probe_interval: 1s, max_duration: 1m }\nsystems:\n");
        for (var s = 0; s < Systems; s++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  y{s}:\n    title: Bench system {s}\n    agency: Bench\n    security_level: 3\n    rto_target: 4h\n" +
                $"    container: {{ image: \"drills/bench-missing:0\", name: drills-bench-serve-s{s} }}\n    checks: [{{ tcp: \"127.0.0.1:{19390 + s}\" }}]\n");
        }

        text.Append("scenarios:\n");
        var burst = burstAt is { } at ? FireInstant.Cron(at) : Never;
        for (var i = 0; i < n; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  s{i}: {{ title: t, system: y{i % Systems}, attack: [kill: {{}}], restore: [restart: {{}}], schedule: \"{(i < Burst ? burst : Never)}\" }}\n");
        }

        return text.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record StartResult(TimeSpan StartUp, TimeSpan ToStarting, TimeSpan Sync, TimeSpan Listing, long RssKiB, long PeakRssKiB);

    private sealed record SizeResult(StartResult First, StartResult Restart, Stats Lateness, Stats JobStart, long PeakRssKiB);
}
