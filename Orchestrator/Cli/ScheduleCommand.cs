using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills schedule [FILE | --file FILE]</c>: when each drill fires next, what blacks it out, and how it last went.</summary>
internal static class ScheduleCommand
{
    public const int MaxNext = 100;

    /// <summary>How many recent runs are searched for each scenario's last one.</summary>
    public const int RunsSearched = 1000;

    public static Command Create(TimeProvider clock)
    {
        var positional = CatalogueFile.Positional();
        var file = CatalogueFile.Option();
        var next = new Option<int>("--next") { Description = $"How many fire times to show per scenario, 1..{MaxNext}", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("schedule", "Show each scenario's next fire times, blackout calendars and last run") { positional, file, next, json };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(next);
            if (count is < 1 or > MaxNext)
            {
                throw new CliException(ExitCodes.BadInput, $"--next is {count}; it must be a whole number from 1 to {MaxNext}.", "pass a number such as --next 10");
            }

            var terminal = new Terminal(parse.GetValue(json));
            var now = clock.GetUtcNow();
            // A schedule that never fires is shown in the table and then reported; any other error stops here.
            var loaded = CatalogueSource.Validate(CatalogueFile.Chosen(parse, file, positional), now, Console.Error);
            var catalogue = loaded.Catalogue ?? throw new CatalogueInvalidException(loaded.Errors);
            using var services = GlobalOptions.Services(parse, clock);
            var summaries = Summarise(catalogue, services.Store.List(RunsSearched), now, count);
            var errors = loaded.Errors;
            // Fires happen only while a service runs: say so, or a schedule that nothing executes looks kept.
            var serviceRunning = ServiceLock.IsHeld(services.Data);
            if (terminal.Json)
            {
                var zone = catalogue.Defaults.TimeZone;
                Console.Out.WriteLine(JsonSerializer.Serialize(new { catalogue = catalogue.SourcePath, timeZone = zone, now, serviceRunning, scenarios = summaries }, RunJson.Options));
            }
            else
            {
                Print(terminal.Human, catalogue, summaries);
                terminal.Human.MarkupLine(serviceRunning
                    ? $"[green]drills serve is running[/] with the data directory {TerminalMarkup.Escape(services.Data.Root)}: these fires will happen."
                    : $"[yellow]No drills serve is running[/] with the data directory {TerminalMarkup.Escape(services.Data.Root)}: nothing fires until one starts (drills serve --file FILE).");
            }

            if (errors.Count > 0)
            {
                CliErrors.PrintCatalogueErrors(terminal.Errors, errors);
                return ExitCodes.BadInput;
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    private static List<ScheduleSummary> Summarise(DrillCatalogue catalogue, IReadOnlyList<RunRecord> runs, DateTimeOffset now, int count)
    {
        var summaries = new List<ScheduleSummary>();
        foreach (var scenario in catalogue.Scenarios.Values)
        {
            var schedule = ScenarioSchedule.For(catalogue, scenario);
            var forecast = schedule?.NextFires(now, count);
            // Runs come newest first.
            var lastRun = runs.FirstOrDefault(r => r.ScenarioId == scenario.Id);
            summaries.Add(ScheduleSummary.For(scenario, schedule, forecast, lastRun));
        }

        return summaries;
    }

    private static void Print(IAnsiConsole console, DrillCatalogue catalogue, IReadOnlyList<ScheduleSummary> summaries)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalogue.Defaults.TimeZone);
        console.MarkupLine($"Fire times in {TerminalMarkup.Escape(FireTimeText.Zone(zone))}, blackout calendars applied.");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Scenario", "Schedule", "Next fires", "Blackout", "Last run");
        foreach (var summary in summaries)
        {
            var fires = summary.OnDemand ? "on demand (drills run)"
                : summary.NeverFires ? "never fires"
                : string.Join('\n', summary.NextFires.Select(f => f.Local.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)));
            var lastRun = summary.LastRun is { } run
                ? $"{run.Outcome} {new Drills.Reports.Formatting.ZonedTime(zone).DateTime(run.StartedAtUtc)} ({run.RunId})"
                : "never run";
            table.AddRow(TerminalMarkup.Escape(summary.Scenario), TerminalMarkup.Escape(summary.Understood), TerminalMarkup.Escape(fires),
                TerminalMarkup.Escape(summary.Blackout.Count == 0 ? "—" : string.Join(", ", summary.Blackout)), TerminalMarkup.Escape(lastRun));
        }

        console.Write(table);
    }
}
