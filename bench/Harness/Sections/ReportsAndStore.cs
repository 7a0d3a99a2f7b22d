using System.Diagnostics;
using System.Globalization;
using Drills.Bench.Measuring;
using Drills.Bench.Output;
using Drills.Bench.Store;
using Drills.Orchestrator.Runs;
using Drills.Reports.Index;
using Drills.Scenarios.Catalogue;

namespace Drills.Bench.Sections;

/// <summary>
/// Section 5: what an officer and a CIO wait for over a store of many runs. A data directory's run store is filled
/// through the store's own API with synthetic runs of 50 systems (1,000, then 10,000), and each reading command
/// runs as a whole process, interleaved with the sqlite3 CLI reading the rows <c>drills runs</c> reads.
/// </summary>
internal sealed class ReportsAndStore : ISection
{
    private const int Systems = 50;

    public int Number => 5;

    public string Title => "Reports and store";

    public async Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int[] sizes = context.Quick ? [1_000] : [1_000, 10_000];
        var rounds = context.Rounds(full: 8, quick: 3);
        var data = context.Folder("store-data");
        var catalogue = BenchCatalogue.Write(Path.Combine(context.Folder("store-catalogue"), "scenarios.yaml"), Systems);
        var database = Path.Combine(data, "drills.db");
        // Filled in memory (tmpfs), where a synced commit costs nothing, then copied to the data directory on disk.
        var memory = Directory.Exists("/dev/shm")
            ? Directory.CreateDirectory(Path.Combine("/dev/shm", "drills-bench-store-" + Guid.NewGuid().ToString("N")), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)
            : Directory.CreateDirectory(Path.Combine(context.Folder("store-fill"), "fill"));
        try
        {
            return await MeasureAsync(context, sizes, rounds, catalogue, data, database, Path.Combine(memory.FullName, "drills.db"), cancellationToken);
        }
        finally
        {
            memory.Delete(recursive: true);
        }
    }

    private async Task<SectionReport> MeasureAsync(BenchContext context, int[] sizes, int rounds, DrillCatalogue catalogue, string data, string database,
        string filled, CancellationToken cancellationToken)
    {
        var store = new SqliteRunStore(filled);
        var fill = new StoreFill(store, new SyntheticRuns(catalogue, Systems, sizes[^1], DateTimeOffset.UtcNow));
        fill.Keep(catalogue);
        var sqlite = SqliteCli.Path();

        var report = new SectionReport(Number, Title);
        var fills = new Table("Store fill through SqliteRunStore.Complete (each run its own transaction), in tmpfs, then copied to the data directory", "runs", "fill s", "ms per run", "drills.db MiB");
        var split = new Table($"CIO index in one warm process (IndexBuilder over the store, then IndexPage), median of {rounds}", "runs", "query", "render", "page KiB");
        report.Tables.Add(fills);
        foreach (var size in sizes)
        {
            var before = fill.Count;
            var clock = Stopwatch.StartNew();
            var reportRun = fill.FillTo(size, n => context.Progress.WriteLine($"  store: {n} runs"), cancellationToken);
            fills.Add(Count(size), Seconds(clock.Elapsed.TotalSeconds, "0.0"), Seconds(clock.Elapsed.TotalMilliseconds / (size - before), "0.00"),
                Seconds(Size(filled) / 1024.0 / 1024.0, "0.0"));
            StoreCopy.Replace(filled, database);

            // The run's first report also writes the index that links to it; rendered again, a report leaves the index be.
            (await Drills(context, ["report", reportRun.RunId], data, cancellationToken)).EnsureSuccess("drills report");
            var contenders = new List<(string Name, Func<int, CancellationToken, Task<ProcessResult>> Run)>
            {
                ("drills runs", (_, ct) => Drills(context, ["runs"], data, ct)),
                ("drills runs --json", (_, ct) => Drills(context, ["runs", "--json"], data, ct)),
                ("drills index", (_, ct) => Drills(context, ["index", "--file", catalogue.SourcePath], data, ct)),
                ("drills report RUN", (_, ct) => Drills(context, ["report", reportRun.RunId], data, ct)),
            };
            if (sqlite is not null)
            {
                contenders.Add(("sqlite3 (the rows drills runs reads)", (_, ct) => Sqlite(sqlite, database, ct)));
            }

            var results = await Interleaved.RunAsync<ProcessResult>(rounds, contenders.Select(c => c.Run).ToArray(),
                round => context.Progress.WriteLine($"  {Count(size)} runs: round {round}/{rounds}"), cancellationToken);
            var table = new Table($"Whole process over {Count(size)} stored runs of {Systems} systems, median (IQR) of {rounds} interleaved rounds",
                "command", "wall", "× sqlite3", "CPU s", "peak RSS MiB");
            for (var i = 0; i < contenders.Count; i++)
            {
                var walls = results[i].Select(r => r.Wall.TotalSeconds).ToArray();
                table.Add(contenders[i].Name, Stats.Of(walls).Seconds(),
                    sqlite is null ? "—" : Ratio.Of(walls, results[^1].Select(r => r.Wall.TotalSeconds).ToArray()).ToString(),
                    Seconds(Stats.Of(results[i].Select(r => r.CpuSeconds)).Median, "0.00"),
                    Seconds(Stats.Of(results[i].Select(r => (double)r.PeakRssKiB)).Median / 1024, "0"));
            }

            report.Tables.Add(table);
            InProcessIndex(split, catalogue, store, size, rounds);
            if (size == sizes[^1])
            {
                AddTargets(report, contenders.Select(c => c.Name).ToArray(), results, size);
            }
        }

        report.Tables.Add(split);
        report.Tables.Add(SyncedSaves(context, catalogue, rounds, cancellationToken));
        if (context.Quick)
        {
            report.Targets.Add(new Target("drills index of 10,000 runs < 2 s", "—", null, "--quick fills 1,000 runs only"));
        }

        report.Notes.Add($"Synthetic runs of {Systems} systems (two scenarios each: kill and ransomware), written through SqliteRunStore as drills writes them: outcomes mixed (80% passed, 8% failed, 7% aborted, 5% skipped fires), steps, folded check observations, readiness, limits, level policy, cleanup, origin; the report's run and its previous runs carry a 12-event hash-chained journal.");
        report.Notes.Add("`drills index` reads the bench catalogue of the same 50 systems (`--file`) and writes reports/index.html; `drills report RUN` renders system-00's newest run again, as an officer would: its first report (unmeasured, before the rounds) also wrote the index that links to it, which a report rendered again leaves as it is.");
        report.Notes.Add(sqlite is null
            ? "The sqlite3 CLI is not installed: no sqlite3 comparison (`apt-get install sqlite3` adds it)."
            : "sqlite3: `sqlite3 -readonly drills.db` selecting the columns `drills runs` reads for its 50 newest runs (record JSON and chain head), printed to a pipe.");
        return report;
    }

    /// <summary>What one save costs where drills keeps its store (on disk, each commit synced): a handful of runs, not thousands.</summary>
    private static Table SyncedSaves(BenchContext context, DrillCatalogue catalogue, int rounds, CancellationToken cancellationToken)
    {
        const int Saves = 20;
        var store = new SqliteRunStore(Path.Combine(context.Folder("store-synced"), "drills.db"));
        var runs = new SyntheticRuns(catalogue, Systems, rounds * Saves, DateTimeOffset.UtcNow);
        var seconds = new List<double>();
        for (var n = 0; n < rounds * Saves; n++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = runs.Run(n);
            var clock = Stopwatch.StartNew();
            store.Complete(run);
            seconds.Add(clock.Elapsed.TotalSeconds);
        }

        var table = new Table($"One run saved on disk (SqliteRunStore.Complete, synced), {rounds * Saves} saves", "save median (IQR)", "p99");
        table.Add(Stats.Of(seconds).Seconds(), Seconds(Stats.Of(seconds).P99, "0.000") + " s");
        return table;
    }

    private static void AddTargets(SectionReport report, string[] names, IReadOnlyList<IReadOnlyList<ProcessResult>> results, int size)
    {
        Stats Wall(string name) => Stats.Of(results[Array.IndexOf(names, name)].Select(r => r.Wall.TotalSeconds));
        void Add(string goal, string name, double limit, string why)
        {
            var wall = Wall(name);
            var met = wall.Median < limit;
            report.Targets.Add(new Target(goal, wall.Seconds(), met,
                met ? "" : string.Create(CultureInfo.InvariantCulture, $"{wall.Median - limit:0.000} s over ({wall.Median / limit:0.0}× the target): {why}")));
        }

        Add($"drills runs < 0.25 s ({Count(size)} runs)", "drills runs", 0.25,
            "the store's share is small (one pragma, 50 rows off an index); the rest is the CLI's start-up (section 6: drills runs on an empty store) and the first JSON read's warm-up");
        Add($"drills report < 0.4 s ({Count(size)} runs)", "drills report RUN", 0.4,
            "start-up, the first JSON read of the run and its previous run, the first Scriban render of the report and its durable write (the index is left as it is: it already links to the report)");
        if (size >= 10_000)
        {
            Add($"drills index of {Count(size)} runs < 2 s", "drills index", 2, "start-up, catalogue load and the first render of the page; its queries read one covering index");
        }
    }

    private static void InProcessIndex(Table split, DrillCatalogue catalogue, SqliteRunStore store, int size, int rounds)
    {
        var context = new IndexContext("bench", TimeZoneInfo.Utc, "/var/lib/drills/reports", "/var/lib/drills/reports");
        var query = new List<double>();
        var render = new List<double>();
        var bytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var index = IndexBuilder.Build(catalogue, store, DateTimeOffset.UtcNow, IndexFilter.All);
            query.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            bytes = IndexPage.Render(index, context).Length;
            render.Add(clock.Elapsed.TotalSeconds);
        }

        split.Add(Count(size), Stats.Of(query).Seconds(), Stats.Of(render).Seconds(), Seconds(bytes / 1024.0, "0"));
    }

    private static async Task<ProcessResult> Drills(BenchContext context, string[] args, string data, CancellationToken cancellationToken) =>
        (await context.DrillsAsync(args, data, cancellationToken)).EnsureSuccess("drills " + string.Join(' ', args));

    private static async Task<ProcessResult> Sqlite(string sqlite, string database, CancellationToken cancellationToken) =>
        (await ChildProcess.RunAsync(sqlite,
            ["-readonly", database, "SELECT record_json, chain_head, chain_events FROM runs ORDER BY started_at_utc DESC, run_id DESC LIMIT 50"],
            cancellationToken)).EnsureSuccess("sqlite3");

    private static long Size(string database) =>
        new[] { database, database + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static string Count(int size) => size.ToString("N0", CultureInfo.InvariantCulture);

    private static string Seconds(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
