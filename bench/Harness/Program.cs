using Drills.Bench;
using Drills.Bench.Output;
using Drills.Bench.Sections;

// scripts/bench [--quick] [--only 1,3] [--write|--no-write]: every section in order, one table per section, then
// BENCHMARKS.md (a full run writes it; --quick writes only with --write).
var quick = args.Contains("--quick");
var write = args.Contains("--write") || (!quick && !args.Contains("--no-write"));
var only = OnlyOption(args);
var root = Environment.GetEnvironmentVariable("DRILLS_BENCH_ROOT") ?? Directory.GetCurrentDirectory();
var work = Directory.CreateTempSubdirectory("drills-bench-");
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

ISection[] all =
[
    new Overhead(),
    new ColdStart(),
];

var context = new BenchContext
{
    Quick = quick,
    Root = root,
    DrillsDll = Path.Combine(root, "artifacts", "drills", "drills.dll"),
    ToolsDir = Path.Combine(root, "artifacts", "bench"),
    Work = work.FullName,
    Progress = Console.Error,
};

var reports = new List<SectionReport>();
var failed = false;
try
{
    var machine = await Machine.DescribeAsync(root, cancel.Token);
    var command = "scripts/bench" + (quick ? " --quick" : "") + (only is null ? "" : $" --only {string.Join(',', only)}");
    var started = DateTimeOffset.UtcNow;
    foreach (var section in all.Where(s => only is null || only.Contains(s.Number)).OrderBy(s => s.Number))
    {
        Console.Error.WriteLine($"bench: section {section.Number}. {section.Title}");
        try
        {
            var report = await section.RunAsync(context, cancel.Token);
            reports.Add(report);
            Print(report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One broken section must not hide the others' figures; the exit code still says so.
            failed = true;
            Console.Error.WriteLine($"bench: section {section.Number} failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    if (write && reports.Count > 0)
    {
        var path = Path.Combine(root, "BENCHMARKS.md");
        await BenchmarksFile.WriteAsync(path, reports, machine.ToMarkdown(command, started), cancel.Token);
        Console.Error.WriteLine($"bench: wrote {reports.Count} section(s) to {path}");
    }
}
finally
{
    work.Delete(recursive: true);
}

return failed ? 1 : 0;

static void Print(SectionReport report)
{
    Console.WriteLine($"== {report.Number}. {report.Title} ==");
    foreach (var table in report.Tables)
    {
        Console.WriteLine(table.ToConsole());
    }

    if (report.Targets.Count > 0)
    {
        Console.WriteLine(report.TargetTable().ToConsole());
    }

    foreach (var note in report.Notes)
    {
        Console.WriteLine($"- {note}");
    }

    Console.WriteLine();
}

static int[]? OnlyOption(string[] args)
{
    var at = Array.IndexOf(args, "--only");
    return at < 0 || at + 1 >= args.Length
        ? null
        : args[at + 1].Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
