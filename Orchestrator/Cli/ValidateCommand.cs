using System.CommandLine;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills validate [FILE | --file FILE]</c>: every error at once, with place and fix; nothing is touched.</summary>
internal static class ValidateCommand
{
    /// <param name="clock">What "now" is when schedules are checked for a next fire time.</param>
    public static Command Create(TimeProvider clock)
    {
        var positional = CatalogueFile.Positional();
        var file = CatalogueFile.Option();
        var command = new Command("validate", "Check a scenarios.yaml without touching any container") { positional, file };
        command.SetAction(parse =>
        {
            var terminal = new Terminal(json: false);
            var now = clock.GetUtcNow();
            var result = CatalogueSource.Validate(CatalogueFile.Chosen(parse, file, positional), now, Console.Error);
            if (!result.IsValid)
            {
                CliErrors.PrintCatalogueErrors(terminal.Errors, result.Errors);
                return ExitCodes.BadInput;
            }

            PrintSummary(terminal.Human, result.Catalogue);
            PrintSchedules(terminal.Human, result.Catalogue, now);
            return ExitCodes.Passed;
        });
        return command;
    }

    private static void PrintSummary(IAnsiConsole console, DrillCatalogue catalogue)
    {
        console.MarkupLine($"[green]✔ {TerminalMarkup.Escape(catalogue.SourcePath)} is valid[/]: {catalogue.Systems.Count} system(s), " +
                           $"{catalogue.Scenarios.Count} scenario(s), {catalogue.Calendars.Count} calendar(s); sha256 {catalogue.Sha256[..16]}…");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Scenario", "System", "Level", "Recovery target", "Attack → restore", "Schedule (declared)");
        foreach (var scenario in catalogue.Scenarios.Values)
        {
            var system = catalogue.Systems[scenario.SystemId];
            var target = DurationText.Format(system.RtoTarget) + (system.RtoTargetDeclared ? "" : " (level default)");
            var steps = string.Join(", ", scenario.Attack.Select(s => s.Kind)) + " → " + string.Join(", ", scenario.Restore.Select(s => s.Kind));
            var schedule = scenario.Schedule is null ? "on demand" : $"{scenario.Schedule} ({catalogue.Defaults.TimeZone})";
            table.AddRow(TerminalMarkup.Escape(scenario.Id), TerminalMarkup.Escape(system.Id), system.SecurityLevel.ToString(System.Globalization.CultureInfo.InvariantCulture),
                target, TerminalMarkup.Escape(steps), TerminalMarkup.Escape(schedule));
        }

        console.Write(table);
    }

    /// <summary>How each schedule was read, so an author sees a crontab's translation and the first fire before relying on it.</summary>
    private static void PrintSchedules(IAnsiConsole console, DrillCatalogue catalogue, DateTimeOffset now)
    {
        var schedules = ScenarioSchedule.All(catalogue);
        if (schedules.Count == 0)
        {
            return;
        }

        console.MarkupLine($"Schedules, in {TerminalMarkup.Escape(FireTimeText.Zone(schedules[0].Zone))}:");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Scenario", "Schedule, as understood", "Blackout", "Next fire");
        foreach (var schedule in schedules)
        {
            var next = schedule.NextFires(now, 1).First!.Value;
            table.AddRow(TerminalMarkup.Escape(schedule.Scenario.Id), TerminalMarkup.Escape(schedule.Text.Understood),
                TerminalMarkup.Escape(schedule.Scenario.Blackout.Count == 0 ? "—" : string.Join(", ", schedule.Scenario.Blackout)),
                TerminalMarkup.Escape(FireTimeText.LocalAndUtc(next, schedule.Zone)));
        }

        console.Write(table);
    }
}
