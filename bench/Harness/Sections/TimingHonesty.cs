using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Drills.Bench.Measuring;
using Drills.Bench.Output;
using Drills.Bench.Sections.Honesty;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.Loading;

namespace Drills.Bench.Sections;

/// <summary>
/// Section 2: is the recovery time drills measures the time the service was really down? An independent stopwatch
/// (bench/Stopwatch, its own process) polls the portal every 50 ms while drills kills and starts it; portals answer a
/// known time after their start (0.5 s to 30 s), drilled at probe intervals of 100 ms, 500 ms and 1 s.
/// </summary>
internal sealed class TimingHonesty : ISection
{
    private static readonly TimeSpan[] Intervals = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1)];

    /// <summary>The jitters' seed: every run of the section draws the same ones.</summary>
    private const int Seed = 2026;

    public int Number => 2;

    public string Title => "Timing honesty";

    public async Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var plan = HonestyPlan.For(context.Quick, Intervals);
        var folder = context.Folder("honesty");
        var data = context.Folder("honesty-data");
        var catalogue = Path.Combine(folder, "honesty.yaml");
        await File.WriteAllTextAsync(catalogue, HonestyCatalogue.Yaml(plan.Portals, Intervals), cancellationToken);
        var entrypoint = Path.Combine(folder, "portal-entrypoint");
        File.Copy(Path.Combine(context.Root, "samples", "portal", "entrypoint.sh"), entrypoint);
        var wrapper = Path.Combine(folder, "jitter-entrypoint");
        File.Copy(Path.Combine(context.Root, "bench", "shell", "jitter-entrypoint.sh"), wrapper);
        foreach (var script in new[] { entrypoint, wrapper })
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var loaded = CatalogueLoader.LoadFile(catalogue);
        if (!loaded.IsValid)
        {
            throw new InvalidOperationException("the section's catalogue is invalid: " + string.Join("; ", loaded.Errors.Select(e => e.ToString())));
        }

        var started = Stopwatch.GetTimestamp();
        var timings = new List<DrillTiming>();
        var overheads = new List<double>();
        var skipped = new List<string>();
        var jitters = new Random(Seed);
        IReadOnlyList<(string, Stats)> probeCost;
        try
        {
            context.Progress.WriteLine($"  creating {plan.Portals.Count} portals (start delays {string.Join(", ", plan.Portals.Select(p => p.Label))}); {plan.Drills.Count} drills in this order: "
                + string.Join(", ", plan.Drills.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Portal.Label} at {d.Interval.TotalMilliseconds:0} ms"))));
            await Task.WhenAll(plan.Portals.Select(p => p.CreateAsync(entrypoint, wrapper, cancellationToken)));
            var first = plan.Portals[0];
            await using (var up = StopwatchProcess.Start(StopwatchDll(context), first.HealthUrl))
            {
                await up.WaitUpAsync(TimeSpan.FromSeconds(60), cancellationToken);
            }

            probeCost = await ProbeCost.MeasureAsync(loaded.Catalogue.Systems[first.SystemId], context.Rounds(full: 20, quick: 5), cancellationToken);
            var store = Path.Combine(data, "drills.db");
            foreach (var (portal, interval) in plan.Drills)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Within the section's budget: a drill costs what the earlier ones cost beyond their delay, plus its delay.
                var estimate = (overheads.Count == 0 ? 6 : Stats.Of(overheads).Median) + portal.Delay.TotalSeconds;
                if (timings.Count > 0 && Stopwatch.GetElapsedTime(started).TotalSeconds + estimate > plan.Budget.TotalSeconds)
                {
                    skipped.Add(string.Create(CultureInfo.InvariantCulture, $"{portal.Label} at {interval.TotalMilliseconds:0} ms"));
                    continue;
                }

                // The portal's return falls anywhere between two probes: its delays are whole multiples of every
                // interval, so without a jitter each delay would meet the probes at the same place every time.
                var jitter = interval * jitters.NextDouble();
                await portal.SetNextDelayAsync(portal.Delay + jitter, cancellationToken);
                var drillStarted = Stopwatch.GetTimestamp();
                var timing = await DrillOnceAsync(context, catalogue, data, store, portal, interval, cancellationToken);
                var wall = Stopwatch.GetElapsedTime(drillStarted).TotalSeconds;
                overheads.Add(wall - portal.Delay.TotalSeconds);
                timings.Add(timing);
                context.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  [{timings.Count + skipped.Count}/{plan.Drills.Count}] delay {portal.Label} + {jitter.TotalMilliseconds:0} ms, probe {interval.TotalMilliseconds:0} ms: drills {timing.DrillsRecovery:0.000} s, stopwatch {timing.StopwatchRecovery:0.000} s, error {timing.Error * 1000:+0;-0;0} ms ({wall:0.0} s)"));
            }
        }
        finally
        {
            await Task.WhenAll(plan.Portals.Select(p => p.RemoveAsync(CancellationToken.None)));
        }

        var report = new SectionReport(Number, Title);
        HonestyReport.Fill(report, timings, probeCost);
        report.Notes.Add("Each drill is `drills run SCENARIO --file honesty.yaml --json`: kill (SIGKILL), then start, verify the system's checks; the portals carry the sample portal's five checks (two http, tcp, two exec), so probing costs what it costs in portal-kill.");
        report.Notes.Add("T0 and T1 come from the stored run: T0 is the journal's attack start (UTC), T1 = T0 + the measured recovery time. The stopwatch's up is the UTC send time of its first 2xx answer from /health after it saw the kill; it polls every 50 ms on a fixed-rate timer with a fresh connection each time, so its up is 0–50 ms after the real one (the error is understated by about 25 ms on average). Both read the same system clock. T1 is the moment the answer of the last check to pass came, so it is never early; a stopwatch poll that is itself late (its gap above 50 ms) makes the error look smaller.");
        report.Notes.Add("Each portal is created fresh with START_DELAY and this commit's samples/portal/entrypoint.sh copied in behind bench/shell/jitter-entrypoint.sh, and removed at the end. Before each drill the bench gives the next start its delay plus a jitter drawn uniformly within one probe interval (seeded, the same every run): the delays are whole multiples of every interval, so without it a delay would meet drills' probes at the same place in every drill. Drills' recovery watch is measured as it is on this commit.");
        report.Notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"Drills per probe interval: {string.Join(", ", timings.GroupBy(d => d.Interval).OrderBy(g => g.Key).Select(g => $"{g.Key.TotalMilliseconds:0} ms × {g.Count()}"))}; 30 s delays are few to fit the budget. Section wall {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s."));
        if (skipped.Count > 0)
        {
            report.Notes.Add($"Skipped to stay within the section's {plan.Budget.TotalSeconds:0} s budget (the machine was slower than planned): {string.Join(", ", skipped)}.");
        }
        return report;
    }

    private static async Task<DrillTiming> DrillOnceAsync(BenchContext context, string catalogue, string data, string store,
        SlowPortal portal, TimeSpan interval, CancellationToken cancellationToken)
    {
        var scenario = HonestyCatalogue.ScenarioId(portal, interval);
        IReadOnlyList<Transition> seen;
        string runId;
        await using (var stopwatch = StopwatchProcess.Start(StopwatchDll(context), portal.HealthUrl))
        {
            // A drill starts from a portal the stopwatch has seen up, so it sees the kill and the return.
            await stopwatch.WaitUpAsync(portal.Delay + TimeSpan.FromSeconds(60), cancellationToken);
            var run = (await context.DrillsAsync(["run", scenario, "--file", catalogue, "--json"], data, cancellationToken)).EnsureSuccess("drills run " + scenario);
            using var json = JsonDocument.Parse(run.Stdout);
            runId = json.RootElement.GetProperty("runId").GetString()!;
            seen = stopwatch.Transitions;
        }

        var record = new SqliteRunStore(store).Find(runId) ?? throw new InvalidOperationException($"run {runId} is not in the store");
        return DrillTiming.Of(portal, interval, record, ProbeCall.ReadAll(data), seen);
    }

    private static string StopwatchDll(BenchContext context) => Path.Combine(context.ToolsDir, "stopwatch", "stopwatch.dll");
}
