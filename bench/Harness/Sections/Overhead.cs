using System.Globalization;
using Drills.Bench.Measuring;
using Drills.Bench.Output;
using Drills.Bench.Overhead;
using Drills.Orchestrator.Runs;
using static System.FormattableString;

namespace Drills.Bench.Sections;

/// <summary>
/// Section 1: what drills adds to a recovery. The same kill → start → checks-until-healthy cycle on one sample
/// container, three ways, interleaved: <c>drills run</c>, the floor (a minimal Docker.DotNet program making the same
/// Engine API calls and probing the same checks at the same interval) and a shell script with the docker CLI and curl.
/// Then drills' own run cut into phases by its journal, with the time its Engine API calls took taken out.
/// </summary>
internal sealed class Overhead : ISection
{
    public int Number => 1;

    public string Title => "Orchestration overhead";

    public async Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rounds = context.Rounds(full: 10, quick: 3);
        var data = context.Folder("overhead-data");
        var catalogue = Path.Combine(context.Folder("overhead"), "bench.yaml");
        await File.WriteAllTextAsync(catalogue, BenchPortal.Catalogue, cancellationToken);
        var floor = Path.Combine(context.ToolsDir, "floor", "floor.dll");
        var script = Path.Combine(context.Root, "bench", "shell", "kill-restart.sh");
        string[] target = [BenchPortal.Name, BenchPortal.HealthUrl];
        var intervalSeconds = (BenchPortal.ProbeIntervalMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        Func<int, CancellationToken, Task<Cycle>>[] ways =
        [
            (_, ct) => Cycle.RunAsync("drills run", (pid, t) =>
                context.DrillsAsync(["run", BenchPortal.ScenarioId, "--file", catalogue, "--json"], data, t, started: pid), ct),
            (_, ct) => Cycle.RunAsync("floor", (_, t) => ChildProcess.RunAsync("dotnet",
                [floor, .. target, BenchPortal.ProbeIntervalMs.ToString(CultureInfo.InvariantCulture), .. BenchPortal.ExecCheck], t), ct),
            (_, ct) => Cycle.RunAsync("shell script", (_, t) => ChildProcess.RunAsync("bash", [script, .. target, intervalSeconds, .. BenchPortal.ExecCheck], t), ct),
        ];

        var loadBefore = LoadAverage();
        IReadOnlyList<IReadOnlyList<Cycle>> runs;
        try
        {
            await BenchPortal.CreateAsync(cancellationToken);
            // One unmeasured round first: drills' first run in a data directory makes its store and signing key, and
            // every program's first start reads its files from disk (--quick warms drills only, the one that needs it).
            // drills goes first: its readiness gate waits until the new container is healthy.
            context.Progress.WriteLine("  warm-up round (unmeasured)");
            await Interleaved.RunAsync(1, context.Quick ? ways[..1] : ways, null, cancellationToken);
            runs = await Interleaved.RunAsync(rounds, ways, round => context.Progress.WriteLine($"  round {round}/{rounds}"), cancellationToken);
        }
        finally
        {
            await BenchPortal.RemoveAsync(CancellationToken.None);
        }

        var report = new SectionReport(Number, Title);
        var ratios = AddWays(report, runs, rounds);
        var phases = Phases(runs[0], data);
        AddPhases(report, phases, rounds);
        AddTargets(report, ratios, phases);
        AddNotes(report);
        report.Notes.Add($"Load average (1, 5, 15 min) at the section's start: {loadBefore}; at its end: {LoadAverage()}. On a machine busier than its cores every figure grows, and the ratios are the ones to read.");
        return report;
    }

    /// <summary>The whole-process table; returns drills ÷ floor and drills ÷ shell script (wall).</summary>
    private static (Ratio Floor, Ratio Shell) AddWays(SectionReport report, IReadOnlyList<IReadOnlyList<Cycle>> runs, int rounds)
    {
        var table = new Table($"Kill → start → healthy, whole process: median (IQR) of {rounds} interleaved rounds",
            "way", "wall", "CPU s", "peak RSS MiB", "measured recovery time", "drills ÷ this way, wall", "drills ÷ this way, CPU");
        string[] names = ["drills run --json", "floor: Docker.DotNet program", "shell: docker CLI + curl"];
        var wall = runs.Select(r => r.Select(c => c.Process.Wall.TotalSeconds).ToArray()).ToArray();
        var cpu = runs.Select(r => r.Select(c => c.Process.CpuSeconds).ToArray()).ToArray();
        for (var i = 0; i < runs.Count; i++)
        {
            table.Add(names[i], Stats.Of(wall[i]).Seconds(), Stats.Of(cpu[i]).Seconds("0.00").Replace(" s", "", StringComparison.Ordinal),
                (Stats.Of(runs[i].Select(c => (double)c.Process.PeakRssKiB)).Median / 1024).ToString("0", CultureInfo.InvariantCulture),
                Stats.Of(runs[i].Select(c => c.RecoverySeconds)).Seconds(),
                i == 0 ? "—" : Ratio.Of(wall[0], wall[i]).ToString(), i == 0 ? "—" : Ratio.Of(cpu[0], cpu[i]).ToString());
        }

        report.Tables.Add(table);
        return (Ratio.Of(wall[0], wall[1]), Ratio.Of(wall[0], wall[2]));
    }

    /// <summary>Each drills run cut into phases, read back from its data directory once every round is done.</summary>
    private static List<IReadOnlyList<Phase>> Phases(IReadOnlyList<Cycle> drills, string data)
    {
        var store = new SqliteRunStore(Path.Combine(data, "drills.db"));
        return drills.Select(cycle =>
        {
            var run = store.Find(cycle.RunId ?? throw new InvalidOperationException("drills run --json printed no runId"))
                ?? throw new InvalidOperationException($"run {cycle.RunId} is not in the run store");
            return PhaseSplit.Of(cycle, run, EngineCall.Read(data, cycle.Started, cycle.Ended));
        }).ToList();
    }

    private static void AddPhases(SectionReport report, IReadOnlyList<IReadOnlyList<Phase>> runs, int rounds)
    {
        var table = new Table($"drills run by phase: median (IQR) of {rounds} rounds, seconds",
            "phase", "wall", "in Engine API calls", "outside Engine API calls", "drills CPU");
        foreach (var name in runs.SelectMany(r => r.Select(p => p.Name)).Distinct())
        {
            var phase = runs.Select(r => r.FirstOrDefault(p => p.Name == name)).OfType<Phase>().ToList();
            AddPhase(table, name, phase);
        }

        AddPhase(table, "whole process", runs.Select(r => new Phase("", Sum(r, p => p.Wall), Sum(r, p => p.InEngineCalls), r.Sum(p => p.CpuSeconds))).ToList());
        report.Tables.Add(table);
        if (runs.Any(r => r.Sum(p => p.InEngineCalls.TotalSeconds) == 0))
        {
            report.Notes.Add("Some runs logged no Engine API call at Debug in logs/drills-*.clef: their time in engine calls reads as 0 and is not to be trusted.");
        }
    }

    private static void AddTargets(SectionReport report, (Ratio Floor, Ratio Shell) ratios, IReadOnlyList<IReadOnlyList<Phase>> phases)
    {
        var largest = phases.SelectMany(r => r).GroupBy(p => p.Name)
            .Select(g => (Name: g.Key, Outside: Stats.Of(g.Select(p => p.OutsideEngineCalls.TotalSeconds)).Median))
            .OrderByDescending(p => p.Outside).Take(3).ToList();
        var why = "largest time outside Engine API calls: " + string.Join("; ", largest.Select(p => Invariant($"{p.Name} {p.Outside:0.00} s")));
        report.Targets.Add(new Target("drills run whole process ≤ 1.3× the floor", ratios.Floor.ToString(), ratios.Floor.Median <= 1.3,
            ratios.Floor.Median <= 1.3 ? "" : Invariant($"{ratios.Floor.Median / 1.3:0.00}× over the target; {why}")));
        report.Targets.Add(new Target("drills run whole process below the shell script", ratios.Shell.ToString(), ratios.Shell.Median < 1,
            ratios.Shell.Median < 1 ? "" : Invariant($"{ratios.Shell.Median:0.00}× the script; {why}")));
        var startUps = phases.Select(r => r.FirstOrDefault(p => p.Name == PhaseSplit.StartUp)).OfType<Phase>().ToList();
        var startUp = Stats.Of(startUps.Select(p => p.Wall.TotalSeconds));
        var engine = Stats.Of(startUps.Select(p => p.InEngineCalls.TotalSeconds)).Median;
        var cpu = Stats.Of(startUps.Select(p => p.CpuSeconds)).Median;
        report.Targets.Add(new Target("start-up before the drill clock ≤ 0.3 s", startUp.Seconds(), startUp.Count == 0 ? null : startUp.Median <= 0.3,
            startUp.Median <= 0.3 ? "" : Invariant($"{startUp.Median - 0.3:0.00} s over; of the start-up, {engine:0.00} s waits on Engine API calls and drills uses {cpu:0.00} s of CPU (runtime, host, logging, store, catalogue)")));
    }

    private static void AddNotes(SectionReport report)
    {
        report.Notes.Add(Invariant($"One container, drills/portal:1 on 127.0.0.1:{BenchPortal.Port}, created fresh for the section (labelled drills.target={BenchPortal.SystemId}, drills.managed=true) and removed after it; two checks, HTTP /health expecting 200 and the sample portal's exec `test -s /srv/www/index.html`, probed every {BenchPortal.ProbeIntervalMs} ms by all three ways. One unmeasured warm-up round first (of drills alone with --quick); then drills, floor, shell in turn each round."));
        report.Notes.Add("drills runs the sample's portal-kill scenario on it (kill SIGKILL, restore start, verify checks) with the sample portal's data path /srv/www, in one data directory kept across rounds: resolve and vet the target, the readiness gate (image, backup, a round of checks, disk), a baseline snapshot of /srv/www, T0, the kill, waiting for impact to be seen, the start, probing until recovery is confirmed, the cleanup attestation, the run record and journal (SQLite), the HTML report and the signed evidence.");
        report.Notes.Add("The floor (bench/Floor) does only what any program must: one inspect to find the container, kill, start, then both checks together in rounds one interval apart (a fresh HTTP connection per probe, exec create/start/inspect as drills does it) until they pass. It takes no baseline, no readiness gate or impact wait, keeps no record or journal, writes no report or evidence, opens no store and logs nothing; it starts one .NET runtime like drills. The shell script (bench/shell/kill-restart.sh) does the same with docker inspect/kill/start, curl, docker exec and sleep, the checks one after the other and a sleep of the interval between rounds (drills probes each check one interval apart, start to start; the floor sends its rounds so).");
        report.Notes.Add("Measured recovery time is what each way reports: drills its T1 − T0 (T0 before the kill step); the floor T0 just before the kill and T1 as drills takes it (the first passing answer of the check that passed last); the script T0 just before the kill and T1 the start of its first round whose checks all passed. Whole-process CPU counts every process a way waited for (docker and curl for the script), not dockerd.");
        report.Notes.Add("Phases come from what drills already records: the harness's own clock at process start and exit, the run's drill-clock start and its journal marks (run store). Time in Engine API calls is the union of the calls' spans from the Debug line drills' Docker runtime logs for every call, succeeded or failed, with its duration on drills' clock (logs/drills-*.clef); outside it is the rest, which includes the HTTP probes and the pauses between probe rounds, not only drills' own work; drills CPU is the drills process's own CPU in the phase, sampled from /proc every 10 ms (10 ms resolution). Medians are taken per row, so the rows need not add up to the whole.");
    }

    private static void AddPhase(Table table, string name, IReadOnlyList<Phase> phase) =>
        table.Add(name, Seconds(phase, p => p.Wall.TotalSeconds), Seconds(phase, p => p.InEngineCalls.TotalSeconds),
            Seconds(phase, p => p.OutsideEngineCalls.TotalSeconds), Seconds(phase, p => p.CpuSeconds, "0.00"));

    private static string LoadAverage() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Seconds(IEnumerable<Phase> phases, Func<Phase, double> value, string format = "0.000") =>
        Stats.Of(phases.Select(value)).Seconds(format).Replace(" s", "", StringComparison.Ordinal);

    private static TimeSpan Sum(IEnumerable<Phase> phases, Func<Phase, TimeSpan> value) =>
        phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + value(p));
}
