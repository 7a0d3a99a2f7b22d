using System.CommandLine;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills validate [FILE]</c>: every error at once, with place and fix; nothing is touched.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "Catalogue to check (default: ./scenarios.yaml, else the embedded sample)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check a scenarios.yaml without touching any container") { file };
        command.SetAction(parse =>
        {
            var terminal = new Terminal(json: false);
            var result = CatalogueSource.LoadResult(parse.GetValue(file), Console.Error);
            if (!result.IsValid)
            {
                CliErrors.PrintCatalogueErrors(terminal.Errors, result.Errors);
                return ExitCodes.BadInput;
            }

            PrintSummary(terminal.Human, result.Catalogue);
            return ExitCodes.Passed;
        });
        return command;
    }

    private static void PrintSummary(IAnsiConsole console, DrillCatalogue catalogue)
    {
        console.MarkupLine($"[green]✔ {Markup.Escape(catalogue.SourcePath)} is valid[/]: {catalogue.Systems.Count} system(s), " +
                           $"{catalogue.Scenarios.Count} scenario(s), {catalogue.Calendars.Count} calendar(s); sha256 {catalogue.Sha256[..16]}…");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Scenario", "System", "Level", "Recovery target", "Attack → restore", "Schedule (declared)");
        foreach (var scenario in catalogue.Scenarios.Values)
        {
            var system = catalogue.Systems[scenario.SystemId];
            var target = DurationText.Format(system.RtoTarget) + (system.RtoTargetDeclared ? "" : " (level default)");
            var steps = string.Join(", ", scenario.Attack.Select(s => s.Kind)) + " → " + string.Join(", ", scenario.Restore.Select(s => s.Kind));
            var schedule = scenario.Schedule is null ? "on demand" : $"{scenario.Schedule} ({catalogue.Defaults.TimeZone})";
            table.AddRow(Markup.Escape(scenario.Id), Markup.Escape(system.Id), system.SecurityLevel.ToString(System.Globalization.CultureInfo.InvariantCulture),
                target, Markup.Escape(steps), Markup.Escape(schedule));
        }

        console.Write(table);
        if (catalogue.Scenarios.Values.Any(s => s.Schedule is not null))
        {
            console.MarkupLine("[grey]Schedules are checked here; this version runs drills on demand (drills run), not on a calendar.[/]");
        }
    }
}
