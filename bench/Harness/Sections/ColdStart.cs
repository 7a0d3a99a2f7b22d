using System.Globalization;
using Drills.Bench.Measuring;
using Drills.Bench.Output;

namespace Drills.Bench.Sections;

/// <summary>
/// Section 6: what an officer waits for before any command answers. Each command against an empty .NET program
/// built the same way, interleaved, on the embedded sample catalogue and an empty data directory.
/// </summary>
internal sealed class ColdStart : ISection
{
    public int Number => 6;

    public string Title => "Cold start";

    public async Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rounds = context.Rounds(full: 20, quick: 5);
        var data = context.Folder("cold-start-data");
        var empty = Path.Combine(context.ToolsDir, "empty", "empty.dll");
        (string Name, string[] Args, double? Limit)[] commands =
        [
            ("drills --help", ["--help"], null),
            ("drills validate", ["validate"], 0.25),
            ("drills runs", ["runs"], 0.25),
            ("drills schedule", ["schedule"], null),
        ];

        var report = new SectionReport(Number, Title);
        var table = new Table($"Whole-process wall time, median (IQR) of {rounds} interleaved rounds", "command", "drills", "empty .NET program", "ratio", "CPU s (median)", "peak RSS MiB");
        foreach (var (name, args, limit) in commands)
        {
            var runs = await Interleaved.RunAsync<ProcessResult>(rounds,
            [
                async (_, ct) => (await context.DrillsAsync(args, data, ct)).EnsureSuccess(name),
                async (_, ct) => (await ChildProcess.RunAsync("dotnet", [empty], ct)).EnsureSuccess("empty program"),
            ], round => context.Progress.Write(round == rounds ? $"  {name}: {rounds} rounds\n" : ""), cancellationToken);
            var drills = runs[0].Select(r => r.Wall.TotalSeconds).ToArray();
            var floor = runs[1].Select(r => r.Wall.TotalSeconds).ToArray();
            var ratio = Ratio.Of(drills, floor);
            var wall = Stats.Of(drills);
            table.Add(name, wall.Seconds(), Stats.Of(floor).Seconds(), ratio.ToString(),
                Stats.Of(runs[0].Select(r => r.CpuSeconds)).Median.ToString("0.00", CultureInfo.InvariantCulture),
                (Stats.Of(runs[0].Select(r => (double)r.PeakRssKiB)).Median / 1024).ToString("0", CultureInfo.InvariantCulture));
            if (name == "drills --help")
            {
                report.Targets.Add(new Target("--help ≤ 1.3× an empty .NET program", ratio.ToString(), ratio.Median <= 1.3));
            }

            if (limit is { } seconds)
            {
                report.Targets.Add(new Target(string.Create(CultureInfo.InvariantCulture, $"{name} < {seconds} s"), wall.Seconds(), wall.Median < seconds));
            }
        }

        report.Tables.Add(table);
        report.Notes.Add("Each command runs on the embedded sample catalogue with a fresh, empty data directory; `dotnet artifacts/drills/drills.dll` is what `./drills` runs once built.");
        return report;
    }
}
