using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills runs</c>: the recorded runs, newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(TimeProvider clock)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var limit = new Option<int>("--limit") { Description = "How many runs to show", DefaultValueFactory = _ => 50 };
        var command = new Command("runs", "List recorded drill runs, newest first") { json, limit };
        command.SetAction(parse =>
        {
            using var services = GlobalOptions.Services(parse, clock);
            var runs = services.Store.List(Math.Max(1, parse.GetValue(limit)));
            var summaries = runs.Select(r => RunSummary.From(r, ExitCodes.For(r.Outcome))).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { runs = summaries }, RunJson.Options));
                return ExitCodes.Passed;
            }

            var table = new Table().Border(TableBorder.Rounded)
                // Run ids are copied into drills report and drills confirm: never broken across lines.
                .AddColumn(new TableColumn("Run").NoWrap())
                .AddColumn(new TableColumn("Started (local)").NoWrap())
                .AddColumns("Scenario", "System", "Started by", "Outcome", "Recovery", "Target", "Report");
            var reports = services.Data.Reports;
            foreach (var (run, summary) in runs.Zip(summaries))
            {
                table.AddRow(run.RunId, LocalStart(run),
                    TerminalMarkup.Escape(run.ScenarioId), TerminalMarkup.Escape(run.SystemId), StartedBy(run), OutcomeText(run),
                    RecoveryText.Of(summary), DurationText.Format(run.RtoTarget),
                    // Reports sit in one folder named by run id; the full path is printed once, below.
                    TerminalMarkup.Escape(ReportName(run.ReportPath, reports)));
            }

            var console = new Terminal(json: false).Human;
            console.Write(table);
            if (runs.Count == 0)
            {
                console.MarkupLine($"No runs recorded yet in {TerminalMarkup.Escape(services.Data.Root)}. Run one with: drills run SCENARIO");
            }
            else
            {
                console.MarkupLine($"Reports are in {TerminalMarkup.Escape(reports)}; the whole reason of a skip or an abort is in its report and in --json.");
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>In the run's own zone with its offset, as the report and drills schedule show it (the run id stays UTC).</summary>
    private static string LocalStart(RunRecord run)
    {
        var zone = run.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(run.StartedAtUtc, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string StartedBy(RunRecord run)
    {
        var trigger = run.Origin.Trigger switch
        {
            RunTrigger.Schedule => "schedule",
            RunTrigger.CatchUp => "catch-up",
            _ => "on demand",
        };
        return run.Origin.Waited >= TimeSpan.FromSeconds(1) ? $"{trigger} (waited {DurationText.Format(TimeSpan.FromSeconds(Math.Round(run.Origin.Waited.TotalSeconds)))})" : trigger;
    }

    /// <summary>
    /// A skip or an abort carries the start of its reason in the list itself (a skipped drill is a gap in the
    /// evidence); the whole reason is in --json and the report.
    /// </summary>
    private static string OutcomeText(RunRecord run) => run.Outcome switch
    {
        RunOutcome.Skipped => $"[yellow]skipped[/]: {TerminalMarkup.Escape(Shorten(run.SkipReason))}",
        RunOutcome.Aborted => $"aborted: {TerminalMarkup.Escape(Shorten(run.AbortReason))}",
        _ => run.Outcome.ToString().ToLowerInvariant(),
    };

    private static string ReportName(string? path, string folder) =>
        path is null ? "" : string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder).TrimEnd('/'), StringComparison.Ordinal) ? Path.GetFileName(path) : path;

    private static string Shorten(string? reason)
    {
        const int Limit = 60;
        var text = (reason ?? "").Split(" (")[0];
        return text.Length <= Limit ? text : text[..(Limit - 1)] + "…";
    }
}
